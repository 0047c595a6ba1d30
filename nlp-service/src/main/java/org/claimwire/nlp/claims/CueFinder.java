package org.claimwire.nlp.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;

/**
 * Finds the cues of a sentence and the grammatical form each one takes, which decides where its source
 * is: a finite clause ("she said"), a participle ("..., saying"; "a statement saying"), a passive ("it was
 * reported that"), an adjective predicate ("is confident that") or "according to".
 */
final class CueFinder {
    enum Form { CLAUSE, INVERTED, PARTICIPLE, NOMINAL_PARTICIPLE, PASSIVE, ACCORDING_TO, NOUN }

    /** One cue: its token, lemma and form. */
    record Site(int token, String lemma, Form form) {
    }

    private final CueLexicon lex;

    CueFinder(CueLexicon lex) {
        this.lex = lex;
    }

    /** The cheap prefilter, before parsing: a cue word or "according to" in the sentence. */
    boolean mayHoldCue(Sentence s) {
        for (int i = 0; i < s.size(); i++) {
            Token t = s.token(i);
            if (isCueWord(t) || t.lower().equals("according") || isCueNoun(t) && i + 1 < s.size()
                    && (s.token(i + 1).lower().equals("that") || s.token(i + 1).lower().equals("whether"))
                    || t.isNoun() && i + 1 < s.size() && lex.has(t.lemma(), "noun:" + s.token(i + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    private boolean isCueNoun(Token t) {
        return t.isNoun() && !t.isProperNoun() && lex.has(t.lemma(), "noun");
    }

    private boolean isCueWord(Token t) {
        if (t.isVerb()) {
            return lex.isCue(t.lemma());
        }
        return t.pos().startsWith("JJ") && lex.has(t.lemma(), "adj");
    }

    List<Site> find(Sentence s) {
        List<Site> out = new ArrayList<>();
        for (int k = 0; k < s.size(); k++) {
            Token t = s.token(k);
            if (t.lower().equals("according") && k + 1 < s.size() && s.token(k + 1).lower().equals("to")) {
                out.add(new Site(k, "according to", Form.ACCORDING_TO));
                continue;
            }
            if (isCueNoun(t) && ContentHeads.nounClause(s, k) >= 0
                    || t.isNoun() && !t.isProperNoun() && ContentHeads.nounComplement(s, k, lex) >= 0) {
                out.add(new Site(k, t.lemma().toLowerCase(Locale.ROOT), Form.NOUN)); // "his claim that ..."
                continue;
            }
            if (!isCueWord(t)) {
                continue;
            }
            Form f = form(s, k, lex);
            if (f != null) {
                out.add(new Site(k, t.lemma().toLowerCase(Locale.ROOT), f));
            }
        }
        return out;
    }

    /** Prepositions that make a participle adverbial: "by saying", "from saying", "after noting". */
    private static final java.util.Set<String> PARTICIPLE_PREPOSITIONS = java.util.Set.of("by", "from", "after",
            "before", "in", "when", "while");

    private static boolean hasCase(Sentence s, int k, java.util.Set<String> words) {
        for (int c : s.children(k)) {
            if ((s.rel(c).equals("case") || s.rel(c).equals("mark")) && c < k && words.contains(s.token(c).lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "The poll released Friday shows that ...", "a report released last year found that ...": the parser took
     * the participle modifying the subject for the main verb and hung the cue from it. The head is a bare past
     * participle (no auxiliary) with the real source as its subject.
     */
    private static boolean misreadModifierAbove(Sentence s, int k) {
        int h = s.head(k);
        if (h < 0 || h > k || !s.token(h).pos().equals("VBN")) {
            return false;
        }
        boolean subject = false;
        for (int c : s.children(h)) {
            String r = s.rel(c);
            if (r.startsWith("aux") || r.equals("cop")) {
                return false;
            }
            subject |= r.equals("nsubj") && c < h;
        }
        return subject;
    }

    /** An adverbial participle is set off: ", saying", "-- adding", "while noting", ", also arguing". */
    private static boolean setOff(Sentence s, int k) {
        for (int c : s.children(k)) {
            if (s.rel(c).equals("mark") && c < k) {
                return true;
            }
        }
        int p = k - 1;
        while (p >= 0 && s.token(p).pos().startsWith("RB")) {
            p--;
        }
        if (p < 0) {
            return false;
        }
        String w = s.token(p).word();
        return w.equals(",") || w.equals("--") || w.equals("—") || w.equals("–") || w.equals(";");
    }

    private static Form form(Sentence s, int k, CueLexicon lex) {
        String rel = s.rel(k);
        Token t = s.token(k);
        if (rel.startsWith("amod") || rel.equals("compound")) {
            return null; // "the reported talks"
        }
        if (!s.out(k, r -> r.equals("nsubj") || r.equals("nsubj:xsubj")).isEmpty()) {
            return Form.CLAUSE;
        }
        if (!s.out(k, r -> r.equals("aux:pass")).isEmpty()) {
            return Form.PASSIVE;
        }
        if (Speakers.invertedSubject(s, k, lex) >= 0) {
            return Form.INVERTED;            // "“...,” said Caddell" parsed with Caddell as object
        }
        if (rel.equals("dep") && t.pos().matches("VBZ|VBD|VBP") && misreadModifierAbove(s, k)) {
            return Form.PARTICIPLE;          // "a poll released Friday shows that": source from the clause above
        }
        if (!t.pos().equals("VBG")) {
            return null;
        }
        if (rel.equals("acl")) {
            return Form.NOMINAL_PARTICIPLE;  // "a statement saying", "a poll showing"
        }
        if (rel.equals("obl") && hasCase(s, k, PARTICIPLE_PREPOSITIONS)) {
            return Form.PARTICIPLE;          // "began by saying", "aside from saying", "after noting"
        }
        if ((rel.startsWith("advcl") || rel.equals("xcomp") || rel.equals("dep") || rel.equals("parataxis"))
                && setOff(s, k)) {
            return Form.PARTICIPLE;          // "..., saying", "while adding that"
        }
        return null;
    }
}
