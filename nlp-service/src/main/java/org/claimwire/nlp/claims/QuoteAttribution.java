package org.claimwire.nlp.claims;

import java.util.List;
import org.claimwire.events.Enrichment.Mode;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;

/** How direct quotes shape a claim: a quoted content, a quote beside the cue, a quote that goes on after it. */
final class QuoteAttribution {
    private QuoteAttribution() {
    }

    /** DIRECT when the content lies inside a quote (the content becomes the whole quote), MIXED when it holds one. */
    static void apply(Draft d, List<Quotes.Quote> quotes) {
        for (Quotes.Quote q : quotes) {
            if (!q.overlaps(d.cb, d.ce)) {
                continue;
            }
            if (d.cue != null && q.begin() <= d.cue.start() && d.cue.end() <= q.end()) {
                continue;
            }
            boolean inside = q.begin() <= d.cb + 2 && d.ce - 2 <= q.end();
            if (inside) {
                d.cb = Math.min(d.cb, q.begin());
                d.ce = Math.max(d.ce, q.end());
                d.mode = Mode.DIRECT;
                return;
            }
            d.mode = Mode.MIXED;
        }
    }

    /**
     * “... Full panic mode,” said Linda Wells: a subject the parser found inside the quote cannot be the
     * source of a cue outside it. The source is another subject outside the quote, the noun right before
     * the cue (“That,” he added), or the noun phrase right after it; -1 when there is none.
     */
    static int sourceOutsideQuote(Sentence s, int k, int subj, List<Quotes.Quote> quotes) {
        if (subj < 0 || !quoted(s, subj, quotes) || quoted(s, k, quotes)) {
            return subj;
        }
        for (int c : s.children(k)) {
            if (s.rel(c).startsWith("nsubj") && !quoted(s, c, quotes)) {
                return c;
            }
        }
        Token before = s.token(k - 1 >= 0 ? k - 1 : k);
        if (k > 0 && (before.isNoun() || before.pos().equals("PRP")) && !quoted(s, k - 1, quotes)) {
            return k - 1;
        }
        return Speakers.postposedSource(s, k);
    }

    private static boolean quoted(Sentence s, int tok, List<Quotes.Quote> quotes) {
        Token t = s.token(tok);
        for (Quotes.Quote q : quotes) {
            if (q.contains(t.begin(), t.end())) {
                return true;
            }
        }
        return false;
    }

    /** A quote right after the cue ("said: “...”") or ending right before the attribution ("“...,” he said"). */
    static Quotes.Quote adjacent(ParsedDoc doc, Sentence s, int k, int subj, List<Quotes.Quote> quotes) {
        // the whole source phrase counts: "“...,” Ms. Moore said" starts at "Ms.", not at its head "Moore"
        List<Integer> phrase = subj >= 0 ? s.subtree(subj, c -> s.rel(c).equals("punct") || s.rel(c).startsWith("acl")
                || s.rel(c).startsWith("appos")) : List.of(k);
        int attributionBegin = s.token(Math.min(k, phrase.get(0))).begin();
        int cueEnd = s.token(Math.max(k, phrase.get(phrase.size() - 1))).end();
        String text = doc.text();
        for (Quotes.Quote q : quotes) {
            // a quote ending its paragraph is not signed by the next one ("...”¶Jane Doe reported from Paris")
            if (q.end() <= attributionBegin && attributionBegin - q.end() <= 4
                    && text.substring(q.end(), attributionBegin).matches("(?U)[\\s,”\"»'’:—-]*")
                    && text.substring(q.end(), attributionBegin).indexOf('\n') < 0) {
                return q;
            }
            if (q.begin() >= cueEnd && q.begin() - cueEnd <= 4
                    && text.substring(cueEnd, q.begin()).matches("(?U)[\\s,:“\"«—-]*")) {
                return q;
            }
        }
        return null;
    }

    /**
     * “A,” she said. “B.” — the quote resumes right after the attribution (in the same sentence or at the
     * start of the next one) with no other cue between: the content runs on to the end of the second quote.
     * A paragraph that follows and is nothing but a quote, with no cue of its own, continues it too (the
     * annotation guidelines: "Sometimes the continuation will appear in its own paragraph").
     */
    static void extendToResumedQuote(Draft d, ParsedDoc doc, List<Quotes.Quote> quotes, List<Draft> all) {
        if (d.mode != Mode.DIRECT || d.cue == null || d.ce > d.cue.start() && d.cb < d.cue.end()) {
            return;
        }
        List<Sentence> ss = doc.sentences();
        boolean cueFirst = d.cue.end() <= d.cb;
        if (cueFirst) {
            extendToInterruptedQuote(d, doc, quotes, all);
        }
        int after = cueFirst ? d.ce : d.cue.end();
        Quotes.Quote resumed = cueFirst ? null : resumedInSentence(d, doc, quotes, after);
        if (resumed != null) {
            if (cueBetween(all, d, d.cue.end(), resumed.end(), quotes) || takenByOther(all, d, resumed, quotes)) {
                return;
            }
            d.ce = resumed.end();
            after = d.ce;
        }
        int lastSent = sentenceAt(ss, Math.max(d.ce, d.cue.end()) - 1);
        for (int guard = 0; guard < 5 && lastSent >= 0; guard++) {
            Quotes.Quote next = quoteParagraphAfter(doc, quotes, lastSent);
            if (next == null || cueBetween(all, d, after, next.end(), quotes) || takenByOther(all, d, next, quotes)) {
                return;
            }
            d.ce = next.end();
            after = d.ce;
            lastSent = next.endSent();
        }
    }

    /**
     * “That,” he added, “would make life harder.”: the content found after the cue began in a quote that
     * closes right before the source; the content starts there.
     */
    private static void extendToInterruptedQuote(Draft d, ParsedDoc doc, List<Quotes.Quote> quotes, List<Draft> all) {
        String text = doc.text();
        if (d.speaker != null && d.speaker.end() <= d.cue.start()
                && !text.substring(d.speaker.end(), d.cue.start()).isBlank()) {
            return; // "“A,” Trump said, adding later, “B”": the cue is not the one that interrupts the quote
        }
        int attribution = d.speaker != null ? Math.min(d.speaker.begin(), d.cue.start()) : d.cue.start();
        for (Quotes.Quote q : quotes) {
            if (q.end() <= attribution && q.startSent() >= d.sent - 1 && q.begin() < d.cb
                    && text.substring(q.end(), attribution).matches("(?U)[\\s,”\"’']*")
                    && text.substring(q.end(), attribution).indexOf(',') >= 0
                    && !cueBetween(all, d, q.begin(), q.end(), quotes)) {
                d.cb = q.begin();
                return;
            }
        }
    }

    private static Quotes.Quote resumedInSentence(Draft d, ParsedDoc doc, List<Quotes.Quote> quotes, int after) {
        List<Sentence> ss = doc.sentences();
        for (Quotes.Quote q : quotes) {
            if (q.begin() < after) {
                continue;
            }
            boolean sameSentence = q.startSent() == d.sent;
            boolean nextSentenceStart = q.startSent() == d.sent + 1 && q.begin() - ss.get(d.sent + 1).begin() <= 2
                    && !doc.paragraphBreak(ss.get(d.sent), ss.get(d.sent + 1));
            return sameSentence || nextSentenceStart ? q : null;
        }
        return null;
    }

    /**
     * The quote that makes up the whole paragraph after the one ending with sentence {@code last}, or null
     * (also when {@code last} does not end its paragraph, or the quote is signed: “...” ― Jane Doe).
     */
    private static Quotes.Quote quoteParagraphAfter(ParsedDoc doc, List<Quotes.Quote> quotes, int last) {
        List<Sentence> ss = doc.sentences();
        if (last + 1 >= ss.size() || !doc.paragraphBreak(ss.get(last), ss.get(last + 1))) {
            return null;
        }
        int first = last + 1;
        int end = first;
        while (end + 1 < ss.size() && !doc.paragraphBreak(ss.get(end), ss.get(end + 1))) {
            end++;
        }
        Sentence fs = ss.get(first);
        if (!Quotes.isQuoteMark(fs.token(0).word()) && !fs.token(0).word().equals("”")) {
            return null;
        }
        String text = doc.text();
        for (Quotes.Quote q : quotes) {
            if (q.startSent() == first && q.begin() - fs.begin() <= 2 && q.endSent() == end
                    && text.substring(q.end(), ss.get(end).end()).matches("(?U)[\\s.,!?”\"»'’]*")) {
                return q;
            }
        }
        return null;
    }

    /** “A,” Warren said. “B,” she added: the second quote already belongs to a claim whose cue is outside it. */
    private static boolean takenByOther(List<Draft> all, Draft d, Quotes.Quote q, List<Quotes.Quote> quotes) {
        for (Draft o : all) {
            if (o != d && o.cue != null && q.overlaps(o.cb, o.ce) && !q.contains(o.cue.start(), o.cue.end())) {
                return true;
            }
        }
        return false;
    }

    /** Another claim's cue in [from, to), not counting cues quoted inside the quotes (they are nested claims). */
    private static boolean cueBetween(List<Draft> all, Draft d, int from, int to, List<Quotes.Quote> quotes) {
        for (Draft o : all) {
            if (o != d && o.cue != null && o.cue.start() >= from && o.cue.start() < to
                    && quotes.stream().noneMatch(q -> q.contains(o.cue.start(), o.cue.end()))) {
                return true;
            }
        }
        return false;
    }

    private static int sentenceAt(List<Sentence> ss, int offset) {
        for (Sentence s : ss) {
            if (s.begin() <= offset && offset < s.end()) {
                return s.index();
            }
        }
        return -1;
    }
}
