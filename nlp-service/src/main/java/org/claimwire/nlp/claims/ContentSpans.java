package org.claimwire.nlp.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;


/**
 * How far a cue's content reaches from the head {@link ContentHeads} chose: the head's phrase without the
 * conjoined contents of its own, with the complement of a noun-phrase content ("accused X of Y"), a naming object
 * ("called X a Y"), trimmed of complementizers and edge punctuation.
 */
final class ContentSpans {
    /** Prepositions that tie a second part to a noun-phrase content: "accused X of Y", "praised X for Y", "hailed X as Y". */
    static final Set<String> COMPLEMENT_PREPOSITIONS = Set.of("for", "of", "as", "over");

    private final CueLexicon lex;

    ContentSpans(CueLexicon lex) {
        this.lex = lex;
    }

    /** Cue lemmas whose naming object ("called the deal a disaster") is parsed in many shapes. */
    private static final Set<String> NAMING_RELS = Set.of("dep", "obl:npmod", "xcomp", "obj", "iobj", "appos");

    /**
     * "called Trump a “pathological liar”", "called her vote in favor of the war a mistake": an object right
     * after the cue followed by a second noun phrase (the name given), in whatever shape the parser left them.
     * Returns {first token, last token, object head}, or null.
     */
    static int[] namingSpan(Sentence s, int k) {
        if (k + 1 >= s.size()) {
            return null;
        }
        for (int c : s.children(k)) {
            String r = s.rel(c);
            if (c <= k || !(r.equals("obj") || r.equals("iobj")) || s.subtree(c, x -> false).get(0) != k + 1) {
                continue;
            }
            List<Integer> right = s.subtree(k, x -> x < k);
            int end = -1;
            for (int t : right) {
                if (t <= c || !s.token(t).isNoun() || !NAMING_RELS.contains(s.rel(t)) || s.dominates(t, c)) {
                    continue;
                }
                List<Integer> np = s.subtree(t, x -> false);
                Token first = s.token(np.get(0));
                boolean nameLike = first.pos().equals("DT") || first.pos().equals("``") || Quotes.isQuoteMark(first.word())
                        || first.pos().startsWith("JJ") && np.get(0) > c;
                if (!nameLike || breaksBetween(s, c, np.get(0))) {
                    continue;
                }
                end = np.get(np.size() - 1);
                break;
            }
            if (end > c) {
                return new int[] {k + 1, end, c};
            }
        }
        return null;
    }

    /** A clause break (comma and conjunction, a verb, a semicolon) between the object and the name. */
    private static boolean breaksBetween(Sentence s, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            Token t = s.token(i);
            if (t.isVerb() || t.word().equals(";") || t.pos().equals("CC") && s.token(i - 1).word().equals(",")) {
                return true;
            }
        }
        return false;
    }

    /** The tokens of the content headed by {@code h}; an infinitive takes its controller object along. */
    List<Integer> tokens(Sentence s, int k, int h, List<Integer> allHeads) {
        // a participial cue inside the content ("rates would rise, adding that ...") starts a claim of its own
        List<Integer> toks = new ArrayList<>(s.subtree(h, c -> allHeads.contains(c) || isParticipialCue(s, c)));
        if (s.head(k) == h && (s.rel(k).equals("parataxis") || s.rel(k).equals("dep"))) {
            List<Integer> cue = s.subtree(k, c -> false);
            toks.removeIf(cue::contains); // "X, he said, Y": the content around the reporting clause
        } else if (s.dominates(h, k)) {
            toks.removeIf(t -> t <= k);   // the clause above a misparsed cue: only what follows the cue
        }
        // the controller or first object comes along: "urged him to resign", "called the deal a disaster"
        if ((s.rel(h).equals("xcomp") || s.rel(h).equals("obj")) && s.head(h) == k) {
            for (int c : s.children(k)) {
                String r = s.rel(c);
                if (c > k && c < h && (r.equals("obj") || r.equals("iobj") || r.equals("obl") && !s.rel(h).equals("obj"))) {
                    List<Integer> ctl = s.subtree(c, x -> false);
                    toks.addAll(0, ctl);
                    break;
                }
            }
        }
        if (s.rel(h).startsWith("obl")) {
            toks.removeIf(t -> s.rel(t).equals("case") && s.head(t) == h);
        }
        String lemma = s.token(k).lemma();
        if (s.token(k).isNoun() && s.head(h) == k && !toks.isEmpty() && toks.get(0) == k + 1
                && (s.token(k + 1).pos().equals("IN"))) {
            toks.remove(0); // "allegations of [fraud]"
        }
        if (s.head(h) == k && h > k && s.rel(h).startsWith("advcl") && !toks.isEmpty()
                && (ContentHeads.prepositionalClause(s, k, r -> ContentHeads.takesPreposition(lex, lemma, r)) == h
                        || ContentHeads.passiveObject(s, k) == h)
                && s.token(toks.get(0)).pos().equals("IN")) {
            toks.remove(0); // "called for [contestants to wear ...]"
        }
        if (s.head(h) == k && (s.rel(h).equals("obj") || s.rel(h).equals("iobj"))) {
            int[] named = lex.has(lemma, "naming") ? namingSpan(s, k) : null;
            if (named != null && named[2] == h) {
                return range(named[0], named[1]);
            }
            if (lex.has(lemma, "obj")) {
                toks.sort(Integer::compare);
                toks.addAll(complement(s, k, toks.get(toks.size() - 1), lemma, lex));
            }
        } else if (s.head(h) == k && h > k && s.rel(h).startsWith("obl") && !toks.isEmpty()) {
            toks.sort(Integer::compare);
            toks.addAll(complement(s, k, toks.get(toks.size() - 1), lemma, lex)); // "pointed to X as an example"
        }
        toks.sort(Integer::compare);
        return toks;
    }

    /**
     * The second part of a noun-phrase content, right after the object: "accused Holt [of being a Democrat]",
     * "praised the agency [for its work]", "hailed Trump [as the comeback kid]", "likened RT [to the BBC]" (a
     * preposition of the cue's own "obl:to" flag). Empty when there is none.
     */
    static List<Integer> complement(Sentence s, int k, int objEnd, String lemma, CueLexicon lex) {
        int p = objEnd + 1;
        if (p < s.size() && s.token(p).word().equals(",")) {
            p++;
        }
        if (p >= s.size() || !s.token(p).pos().equals("IN")) {
            return List.of();
        }
        String prep = s.token(p).lower();
        if (!COMPLEMENT_PREPOSITIONS.contains(prep) && !lex.has(lemma, "obl:" + prep)) {
            return List.of();
        }
        for (int c : s.children(k)) {
            String r = s.rel(c);
            if (c > p && (r.equals("obl") || r.startsWith("advcl")) && s.subtree(c, x -> false).get(0) == p) {
                List<Integer> more = new ArrayList<>(s.subtree(c, x -> false));
                more.remove(0);
                return more;
            }
        }
        return List.of();
    }

    private boolean isParticipialCue(Sentence s, int c) {
        Token t = s.token(c);
        return t.pos().equals("VBG") && s.rel(c).startsWith("advcl") && lex.isCue(t.lemma());
    }

    /** A conjunct clause with its own complementizer ("and that ...") or its own subject. */
    static boolean isSplitConjunct(Sentence s, int t) {
        if (!s.rel(t).equals("conj") || !s.token(t).pos().matches("VB.*|JJ.*|NN.*")) {
            return false;
        }
        boolean mark = false;
        boolean subj = false;
        for (int c : s.children(t)) {
            String r = s.rel(c);
            String w = s.token(c).lower();
            if ((r.equals("mark") || r.equals("dep")) && (w.equals("that") || w.equals("whether"))) {
                mark = true;
            }
            if (r.startsWith("nsubj")) {
                subj = true;
            }
        }
        // "said he would come and she would stay": own subject, and the head is a clause complement
        return mark || subj && s.token(t).isVerb();
    }

    /** First and last token of {@code toks} without edge punctuation, "that" or a dangling coordinator. */
    static int[] trimmed(Sentence s, List<Integer> toks) {
        if (toks.isEmpty()) {
            return null;
        }
        int a = toks.get(0);
        int b = toks.get(toks.size() - 1);
        while (a <= b && (isEdgePunct(s.token(a)) || isComplementizer(s, a) || s.token(a).pos().equals("CC"))) {
            a++;
        }
        while (b >= a && (s.token(b).pos().equals("CC") || isEdgePunct(s.token(b)))) {
            b--;
        }
        return a > b ? null : new int[] {a, b};
    }

    private static boolean isComplementizer(Sentence s, int i) {
        String w = s.token(i).lower();
        return w.equals("that") && !s.rel(i).equals("det") && (s.rel(i).equals("mark") || s.rel(i).equals("dep") || s.token(i).pos().equals("IN")
                || s.token(i).pos().equals("WDT"));
    }

    private static boolean isEdgePunct(Token t) {
        String w = t.word();
        return w.equals(",") || w.equals(".") || w.equals(":") || w.equals(";") || w.equals("--") || w.equals("-")
                || Quotes.isQuoteMark(w);
    }

    /** The predicate after the subject: "did not elaborate further", "declined to comment on the matter". */
    static int[] predicate(Sentence s, int k, int subj) {
        List<Integer> toks = s.subtree(k, c -> s.rel(c).startsWith("nsubj") || s.rel(c).equals("punct")
                || s.rel(c).startsWith("ccomp") || s.rel(c).equals("parataxis"));
        int subjEnd = subj;
        if (subj >= 0) {
            for (int t : s.subtree(subj, c -> false)) {
                subjEnd = Math.max(subjEnd, t);
            }
        }
        int a = Integer.MAX_VALUE;
        int b = -1;
        for (int t : toks) {
            if (subj >= 0 && subj < k && t <= subjEnd) {
                continue;
            }
            a = Math.min(a, t);
            b = Math.max(b, t);
        }
        if (b < 0) {
            return new int[] {k, k};
        }
        return trimmed(s, range(a, b));
    }

    static List<Integer> range(int a, int b) {
        List<Integer> r = new ArrayList<>();
        for (int i = a; i <= b; i++) {
            r.add(i);
        }
        return r;
    }

    static int[] span(Sentence s, List<Integer> toks) {
        int[] t = trimmed(s, toks);
        return t == null ? new int[] {toks.get(0), toks.get(toks.size() - 1)} : t;
    }
}
