package org.claimwire.nlp.claims;

import java.util.List;
import org.claimwire.events.Enrichment.Mode;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.doc.Sentence;

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

    /** A quote right after the cue ("said: “...”") or ending right before the attribution ("“...,” he said"). */
    static Quotes.Quote adjacent(ParsedDoc doc, Sentence s, int k, int subj, List<Quotes.Quote> quotes) {
        // the whole source phrase counts: "“...,” Ms. Moore said" starts at "Ms.", not at its head "Moore"
        List<Integer> phrase = subj >= 0 ? s.subtree(subj, c -> s.rel(c).equals("punct") || s.rel(c).startsWith("acl")
                || s.rel(c).startsWith("appos")) : List.of(k);
        int attributionBegin = s.token(Math.min(k, phrase.get(0))).begin();
        int cueEnd = s.token(Math.max(k, phrase.get(phrase.size() - 1))).end();
        String text = doc.text();
        for (Quotes.Quote q : quotes) {
            if (q.end() <= attributionBegin && attributionBegin - q.end() <= 4
                    && text.substring(q.end(), attributionBegin).matches("[\\s,”\"»'’:—-]*")) {
                return q;
            }
            if (q.begin() >= cueEnd && q.begin() - cueEnd <= 4
                    && text.substring(cueEnd, q.begin()).matches("[\\s,:“\"«—-]*")) {
                return q;
            }
        }
        return null;
    }

    /**
     * “A,” she said. “B.” — the quote resumes right after the attribution (in the same sentence or at the
     * start of the next one) with no other cue between: the content runs on to the end of the second quote.
     */
    static void extendToResumedQuote(Draft d, ParsedDoc doc, List<Quotes.Quote> quotes, List<Draft> all) {
        if (d.mode != Mode.DIRECT || d.cue == null || d.ce > d.cue.start()) {
            return;
        }
        List<Sentence> ss = doc.sentences();
        for (Quotes.Quote q : quotes) {
            if (q.begin() < d.cue.end()) {
                continue;
            }
            boolean sameSentence = q.startSent() == d.sent;
            boolean nextSentenceStart = q.startSent() == d.sent + 1 && q.begin() - ss.get(d.sent + 1).begin() <= 2
                    && !doc.paragraphBreak(ss.get(d.sent), ss.get(d.sent + 1));
            if (!sameSentence && !nextSentenceStart) {
                return;
            }
            for (Draft o : all) {
                if (o != d && o.cue != null && o.cue.start() >= d.cue.end() && o.cue.start() < q.end()) {
                    return;
                }
            }
            d.ce = q.end();
            return;
        }
    }

}
