package org.claimwire.nlp.claims;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.Kind;
import org.claimwire.events.Enrichment.Mode;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;
import org.claimwire.nlp.entities.StoryEntities;

/**
 * Direct quotes attributed by the words around them alone, for sentences the parser skipped (too long) or
 * got wrong: “...,” she said / “...,” Jane Doe said / “...,” said Jane Doe, a lawyer / Jane Doe said:
 * “...” / Said Jane Doe: “...”. Only a quote that no claim with a cue outside it has taken yet.
 */
final class QuoteFrames {
    /** Verbs that attribute a quote right beside them though they are no cue elsewhere ("she continued"). */
    private static final Set<String> QUOTE_ONLY_VERBS = Set.of("continue", "read", "shout");
    private static final int MAX_SOURCE_TOKENS = 6;
    private static final int MAX_APPOSITION_TOKENS = 20;

    private QuoteFrames() {
    }

    static void attribute(ParsedDoc doc, StoryEntities ents, List<Quotes.Quote> quotes, List<Draft> drafts, CueLexicon lex) {
        for (Quotes.Quote q : quotes) {
            if (LabelledQuotes.attributedFromOutside(drafts, q.begin(), q.end())) {
                continue;
            }
            Draft d = after(doc, ents, q, lex);
            if (d == null) {
                d = before(doc, ents, q, lex);
            }
            if (d == null) {
                d = voiced(doc, ents, q, lex);
            }
            if (d != null) {
                Draft same = sameCue(drafts, d);
                if (same != null) {
                    if (same.mode == Mode.DIRECT || same.cb < d.cue.end()) {
                        continue;
                    }
                    drafts.remove(same); // "“...,” they said, under Article 21": the parse took an adjunct for content
                }
                d.cb = q.begin();
                d.ce = q.end();
                d.mode = Mode.DIRECT;
                d.confidence = Scoring.confidence(d.speaker) - 0.1;
                d.checkWorthiness = CheckWorthiness.score(Scoring.tokensBetween(doc, d.cb, d.ce));
                drafts.add(d);
            }
        }
    }

    private static Draft sameCue(List<Draft> drafts, Draft d) {
        for (Draft o : drafts) {
            if (o.cue != null && o.cue.start() == d.cue.start()) {
                return o;
            }
        }
        return null;
    }

    /** “...,” she said | “...,” Jane Doe said | “...,” said Jane Doe: the words right after the closing mark. */
    private static Draft after(ParsedDoc doc, StoryEntities ents, Quotes.Quote q, CueLexicon lex) {
        List<Sentence> ss = doc.sentences();
        String text = doc.text();
        for (int si = q.endSent(); si < ss.size() && si <= q.endSent() + 1; si++) {
            Sentence s = ss.get(si);
            int j = 0;
            while (j < s.size() && s.token(j).end() <= q.end()) {
                j++;
            }
            while (j < s.size() && (Quotes.isQuoteMark(s.token(j).word()) || s.token(j).word().equals(",")
                    || s.token(j).word().equals("’”"))) {
                j++;
            }
            if (j >= s.size()) {
                continue;
            }
            String gap = s.token(j).begin() < q.end() ? "x" : text.substring(q.end(), s.token(j).begin());
            char last = text.charAt(q.end() - 1);
            // “...,” she said / “...?” she asked; after “... .” a new sentence begins
            boolean open = gap.indexOf(',') >= 0 || last == '?' || last == '!' || last == '-' || last == '—';
            if (!open || !gap.matches("(?U)[\\s,”\"»'’]*") || gap.indexOf('\n') >= 0) {
                return null;
            }
            if (isQuoteVerb(s.token(j), lex)) { // inverted: said Jane Doe
                int end = sourceEnd(s, j + 1);
                return end > j + 1 ? draft(s, ents, j, j + 1, end, lex) : null;
            }
            int end = sourceEnd(s, j);
            int verb = afterApposition(s, end);
            if (end > j && verb < s.size() && isQuoteVerb(s.token(verb), lex)) {
                return draft(s, ents, verb, j, end, lex);
            }
            return null;
        }
        return null;
    }

    /** Jane Doe said: “...” | Said Jane Doe: “...”: a sentence that opens with the frame and a colon or comma. */
    private static Draft before(ParsedDoc doc, StoryEntities ents, Quotes.Quote q, CueLexicon lex) {
        Sentence s = doc.sentences().get(q.startSent());
        int open = -1;
        for (int k = 0; k < s.size(); k++) {
            if (s.token(k).end() <= q.begin() && Quotes.isQuoteMark(s.token(k).word())) {
                open = k;
            }
        }
        if (open == 0 && q.startSent() > 0) { // "Caddell continued:" ending the line before the quote
            s = doc.sentences().get(q.startSent() - 1);
            open = s.size();
            if (open < 3 || !s.token(open - 1).word().equals(":")) {
                return null;
            }
        }
        if (open < 2 || !(s.token(open - 1).word().equals(":") || s.token(open - 1).word().equals(","))) {
            return null;
        }
        int last = open - 2;
        if (isQuoteVerb(s.token(0), lex)) { // Said Jane Doe:
            return sourceEnd(s, 1) == last + 1 && last >= 1 ? draft(s, ents, 0, 1, last + 1, lex) : null;
        }
        return isQuoteVerb(s.token(last), lex) && last >= 1 && sourceEnd(s, 0) == last ? draft(s, ents, last, 0, last, lex) : null;
    }

    /**
     * "Flynn, a top Trump surrogate, said": past one apposition set off by commas (no quote in it), the index of
     * the word after it; else {@code i} itself.
     */
    private static int afterApposition(Sentence s, int i) {
        if (i >= s.size() || !s.token(i).word().equals(",")) {
            return i;
        }
        for (int k = i + 1; k < s.size() && k <= i + MAX_APPOSITION_TOKENS; k++) {
            String w = s.token(k).word();
            if (Quotes.isQuoteMark(w)) {
                return i;
            }
            if (w.equals(",")) {
                return k + 1;
            }
        }
        return i;
    }

    /**
     * Protesters chanted “What curfew?” / Trump walked on stage, chanting “U-S-A!”: a verb of voicing right
     * before the opening mark takes the quote as what was voiced; the source is the verb's
     * subject, or for a participle the subject of the clause it hangs from. Needs a parse.
     */
    private static Draft voiced(ParsedDoc doc, StoryEntities ents, Quotes.Quote q, CueLexicon lex) {
        Sentence s = doc.sentences().get(q.startSent());
        if (!s.parsed()) {
            return null;
        }
        int v = -1;
        for (int k = 0; k < s.size() && s.token(k).end() <= q.begin(); k++) {
            v = k;
        }
        while (v >= 0 && (Quotes.isQuoteMark(s.token(v).word()) || s.token(v).word().equals(":"))) {
            v--;
        }
        if (v < 0 || !s.token(v).isVerb() || !VOICING_VERBS.contains(lemma(s.token(v)))) {
            return null;
        }
        CueFinder.Form form = s.token(v).pos().equals("VBG") && Speakers.subject(s, v) < 0
                ? CueFinder.Form.PARTICIPLE : CueFinder.Form.CLAUSE;
        int subj = Speakers.sourceToken(s, v, form, lex);
        if (subj < 0 || Speakers.isNonSource(s, v, subj)) {
            return null;
        }
        Draft d = draft(s, ents, v, subj, subj + 1, lex);
        d.speaker = Speakers.resolve(s, subj, ents);
        return d;
    }

    /** Verbs that voice words ("chanted", "sang", "typed", "tweeted"), most of them no cues elsewhere. */
    private static final Set<String> VOICING_VERBS = Set.of("chant", "sing", "scream", "type", "exclaim", "cry", "shout",
            "yell", "tweet", "post", "write");

    /** The end (exclusive) of a short source phrase from {@code from}: a pronoun, or a name or title. */
    private static int sourceEnd(Sentence s, int from) {
        if (from < s.size() && s.token(from).pos().equals("PRP")) {
            return Speakers.isFirstOrSecondPerson(s.token(from)) ? from : from + 1;
        }
        int i = from;
        boolean noun = false;
        while (i < s.size() && i - from < MAX_SOURCE_TOKENS) {
            Token t = s.token(i);
            if (t.isNoun() && !isQuoteVerbWord(t)) {
                noun = true;
            } else if (!(t.pos().equals("DT") || t.pos().equals("JJ") || t.pos().equals("POS") || t.pos().equals("PRP$")
                    || t.word().equals(".") && i > from && s.token(i - 1).word().length() == 1)) {
                break;
            }
            i++;
        }
        boolean capitalised = from < s.size() && (Character.isUpperCase(s.token(from).word().charAt(0))
                || s.token(from).pos().equals("DT"));
        return noun && capitalised ? i : from;
    }

    private static Draft draft(Sentence s, StoryEntities ents, int cueTok, int from, int to, CueLexicon lex) {
        int head = to - 1;
        while (head > from && !s.token(head).isNoun() && !s.token(head).pos().equals("PRP")) {
            head--;
        }
        Token v = s.token(cueTok);
        String lemma = lemma(v);
        Draft d = new Draft();
        d.sent = s.index();
        d.speaker = ents.resolveNounPhrase(s, head, from, to);
        d.cue = new Enrichment.Cue(v.begin(), v.end(), v.word(), lemma);
        Kind kind = lex.isCue(lemma) ? lex.kind(lemma) : Kind.STATEMENT;
        Token source = s.token(head);
        boolean document = source.isNoun() && !source.isProperNoun() && ClaimExtractor.isEvidenceWord(source);
        d.kind = kind == Kind.QUESTION ? Kind.QUESTION : document ? Kind.EVIDENCE : Kind.STATEMENT; // "the letter reads"
        return d;
    }

    /** A speech verb (headline case tags "Said" as a name, so the word counts too). */
    private static boolean isQuoteVerb(Token t, CueLexicon lex) {
        String lemma = lemma(t);
        boolean verbLike = t.isVerb() || isQuoteVerbWord(t);
        return verbLike && (QUOTE_ONLY_VERBS.contains(lemma)
                || lex.isCue(lemma) && (lex.kind(lemma) == Kind.STATEMENT || lex.kind(lemma) == Kind.QUESTION)
                && !lex.has(lemma, "deny") && !lex.has(lemma, "decline"));
    }

    /** The verb's lemma, also where a headline's capitals made the tagger take it for a name ("Said Ellis:"). */
    private static String lemma(Token t) {
        return switch (t.lower()) {
            case "said", "says" -> "say";
            case "asked" -> "ask";
            case "added" -> "add";
            case "wrote" -> "write";
            default -> t.lemma().toLowerCase(Locale.ROOT);
        };
    }

    private static boolean isQuoteVerbWord(Token t) {
        String w = t.lower();
        return w.equals("said") || w.equals("says") || w.equals("asked") || w.equals("added") || w.equals("wrote");
    }
}
