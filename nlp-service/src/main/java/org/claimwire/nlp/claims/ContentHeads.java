package org.claimwire.nlp.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.claimwire.nlp.doc.Edge;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;


/**
 * Which words of a sentence head a cue's content: complement clauses (conjoined ones with their own "that" or
 * subject become separate contents), else an infinitive (with its controller: "urged him to resign", "called on
 * Congress to act"), a noun-phrase object or a prepositional phrase, as the cue allows; and the shapes the parser
 * gets wrong (a clause hung as an adverbial, a cue as the clausal subject of a noun, a parenthetical cue).
 * {@link ContentSpans} then says how far each content reaches.
 */
final class ContentHeads {
    /** Prepositions whose phrase can be a content ("called for a recount", "worried about jobs"). */
    private static final Set<String> CONTENT_PREPOSITIONS = Set.of("obl:for", "obl:about", "obl:of", "obl:against",
            "obl:over");

    private final CueLexicon lex;

    ContentHeads(CueLexicon lex) {
        this.lex = lex;
    }

    static List<Integer> ccomps(Sentence s, int k) {
        List<Integer> out = new ArrayList<>();
        for (Edge e : s.out(k, r -> r.equals("ccomp"))) {
            out.add(e.dep());
        }
        return out;
    }

    /**
     * The "that"/"whether" clause of a cue noun ("the claim that he lied"; not the relative clause of "the
     * claim that he made"), or -1.
     */
    static int nounClause(Sentence s, int k) {
        for (int c : s.children(k)) {
            String r = s.rel(c);
            if (c > k && (r.equals("acl") || r.equals("ccomp") || r.equals("dep")) && s.token(c).pos().matches("VB.*|JJ.*|NN.*")) {
                for (int m : s.children(c)) {
                    String w = s.token(m).lower();
                    if (m == k + 1 && (w.equals("that") || w.equals("whether")) && !s.rel(m).startsWith("nsubj")
                            && !s.rel(m).equals("obj")) {
                        return c;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * The prepositional or infinitive content of a cue noun, by its flags "noun:of", "noun:about", "noun:for",
     * "noun:to" (an infinitive): "allegations of fraud", "his criticism of the deal", "her plan to cut taxes";
     * -1 when there is none. Only right after the noun (or its adjectives), so "the plan of the city" needs the flag.
     */
    static int nounComplement(Sentence s, int k, CueLexicon lex) {
        String lemma = s.token(k).lemma();
        for (int c : s.children(k)) {
            if (c <= k + 1) {
                continue;
            }
            String r = s.rel(c);
            int first = s.subtree(c, x -> false).get(0);
            if (first != k + 1) {
                continue;
            }
            String w = s.token(first).lower();
            if (r.equals("acl") && w.equals("to") && s.token(c).isVerb() && lex.has(lemma, "noun:to")) {
                return c;     // "a pledge to cut emissions"
            }
            if ((r.equals("nmod") || r.equals("acl")) && s.token(first).pos().equals("IN") && lex.has(lemma, "noun:" + w)
                    && (s.token(c).isNoun() || s.token(c).isVerb())) {
                return c;     // "claims of fraud", "criticism of the deal", "support for the bill"
            }
        }
        return -1;
    }

    /** Content heads of the cue at {@code k}, outermost first. */
    List<Integer> heads(Sentence s, int k, String lemma) {
        List<Integer> heads = new ArrayList<>();
        if (s.token(k).isNoun()) {
            int c = nounClause(s, k);
            if (c < 0) {
                c = nounComplement(s, k, lex);
            }
            if (c >= 0) {
                heads.add(c);
            }
            return heads;
        }
        for (int c : ccomps(s, k)) {
            int top = c;
            while (s.rel(top).equals("conj") && s.head(top) >= 0 && s.head(top) != k) {
                top = s.head(top);
            }
            if (top != c && heads.contains(top) && !ContentSpans.isSplitConjunct(s, c)) {
                continue; // "confirm nor deny", "come and stay": one content
            }
            if (!heads.contains(c)) {
                heads.add(c);
            }
        }
        // "says he’s satisfied that ...": an "xcomp" with a subject of its own is a misparsed clause
        for (Edge e : s.out(k, r -> r.equals("xcomp"))) {
            if (!heads.contains(e.dep()) && hasOwnSubject(s, e.dep())) {
                heads.add(e.dep());
            }
        }
        if (heads.isEmpty() && (!lex.has(lemma, "obj") || lex.has(lemma, "evidence")) && !lex.has(lemma, "recipient")) {
            misparsedClause(s, k, heads);
        }
        if (heads.isEmpty()) {
            int h = clauseAboveCsubj(s, k);
            if (h >= 0) {
                heads.add(h);
            }
        }
        if (heads.isEmpty()) {
            int h = hostOfParenthetical(s, k);
            if (h >= 0 && lex.isCue(s.token(h).lemma()) && !ccomps(s, h).isEmpty()) {
                h = -1; // "Trump said A, he added": the host is a claim of its own
            }
            if (h < 0) {
                h = clauseBeforeCue(s, k);
            }
            if (h >= 0) {
                heads.add(h);
            }
        }
        if (heads.isEmpty() && lex.has(lemma, "xcomp")) {
            for (Edge e : s.out(k, r -> r.equals("xcomp"))) {
                heads.add(e.dep());
            }
            // "called the deal “a disaster”" parsed as two objects: the second is the predicate
            List<Edge> objs = s.out(k, r -> r.equals("obj"));
            if (heads.isEmpty() && objs.size() >= 2 && objs.get(0).dep() > k) {
                heads.add(objs.get(objs.size() - 1).dep());
            }
        }
        if (heads.isEmpty() && lex.has(lemma, "naming")) {
            int[] named = ContentSpans.namingSpan(s, k);
            if (named != null) {
                heads.add(named[2]); // "called Trump a “liar”": the object and the name it is given
            }
        }
        if (heads.isEmpty() && lex.has(lemma, "obj") && !lex.has(lemma, "deny") && !lex.has(lemma, "evidence")) {
            int h = passiveObject(s, k);
            if (h >= 0) {
                heads.add(h);
            }
        }
        if (heads.isEmpty() && lex.has(lemma, "obj") && (!lex.has(lemma, "evidence") || documentSource(s, k))) {
            List<Edge> objs = s.out(k, r -> r.equals("obj"));
            if (objs.size() >= 2 && objs.get(0).dep() > k) {
                objs = objs.subList(objs.size() - 1, objs.size()); // "denied the airlines landing slots": the thing
            }
            for (Edge e : objs) {
                int h = e.dep();
                int of = s.head(h);
                if (!s.rel(h).equals("obj") && of >= 0 && s.head(of) == k && s.rel(of).equals("obj")) {
                    h = of; // "rejected a version of the bill": the enhanced graph skips "a version of"
                }
                Token o = s.token(h);
                if (!heads.contains(h) && (o.isNoun() || o.pos().equals("CD")
                        || o.pos().equals("PRP") && !ContentSpans.complement(s, k, h, lemma, lex).isEmpty())) { // "blasted him for"
                    heads.add(h);
                }
            }
        }
        if (heads.isEmpty() && lex.takesPreposition(lemma)) {
            for (Edge e : s.out(k, r -> takesPreposition(lex, lemma, r))) {
                if (e.dep() > k && (s.token(e.dep()).isNoun() || s.token(e.dep()).isVerb())) {
                    heads.add(e.dep());
                    break;
                }
            }
            if (heads.isEmpty()) {
                int c = prepositionalClause(s, k, r -> takesPreposition(lex, lemma, r));
                if (c >= 0) {
                    heads.add(c);
                }
            }
        }
        // conjoined complements nested lower down ("that A was ready to ... and that B was waiting")
        List<Integer> more = new ArrayList<>();
        for (int h : heads) {
            for (int t : s.subtree(h, c -> false)) {
                if (t != h && ContentSpans.isSplitConjunct(s, t) && !heads.contains(t) && !more.contains(t)) {
                    more.add(t);
                }
            }
        }
        heads.addAll(more);
        // drop heads inside another head's subtree unless they are split conjuncts
        List<Integer> keep = new ArrayList<>();
        for (int h : heads) {
            boolean inside = false;
            for (int o : heads) {
                if (o != h && s.dominates(o, h) && !ContentSpans.isSplitConjunct(s, h)) {
                    inside = true;
                }
            }
            if (!inside) {
                keep.add(h);
            }
        }
        return keep;
    }

    /** Whether the cue takes a phrase with this preposition ("obl:for") as its content: the "obl" flag or its own "obl:to". */
    static boolean takesPreposition(CueLexicon lex, String lemma, String rel) {
        return CONTENT_PREPOSITIONS.contains(rel) && lex.has(lemma, "obl") || rel.startsWith("obl:") && lex.has(lemma, rel);
    }

    /**
     * "called for contestants to wear ...", "called on Trump to stop ...", "pointed to Britain's decision to leave
     * ...": the parser makes the preposition the marker of an adverbial clause right after the cue. That clause,
     * without the preposition, is the content; -1 when there is none.
     */
    static int prepositionalClause(Sentence s, int k, java.util.function.Predicate<String> allowed) {
        int p = k + 1;
        while (p < s.size() && s.token(p).pos().startsWith("RB")) {
            p++; // "called again for"
        }
        if (p >= s.size() || !s.token(p).pos().equals("IN") || !allowed.test("obl:" + s.token(p).lower())) {
            return -1;
        }
        for (int c : s.children(k)) {
            if (c > p && s.rel(c).startsWith("advcl") && s.subtree(c, x -> false).get(0) == p
                    && (s.token(c).isVerb() || s.token(c).isNoun())) {
                return c;
            }
        }
        return -1;
    }

    /**
     * An evidence cue takes a noun-phrase content only from a document or dataset: "the poll shows Clinton with a
     * lead", but not "the crowd showed signs of fatigue". The source is the subject, or the noun of "a poll showing".
     */
    private static boolean documentSource(Sentence s, int k) {
        int src = -1;
        for (int c : s.children(k)) {
            if (s.rel(c).equals("nsubj")) {
                src = c;
            }
        }
        if (src < 0 && s.rel(k).equals("acl")) {
            src = s.head(k);
        }
        return src >= 0 && ClaimExtractor.isEvidenceWord(s.token(src));
    }

    /**
     * The content of a passive noun-phrase cue: what the subject is accused of, praised for or called ("he was
     * accused of hiding losses", "has been called a charlatan"), else the subject itself ("Trump is supported by
     * few papers"). -1 when the cue is not passive.
     */
    static int passiveObject(Sentence s, int k) {
        int subj = -1;
        boolean passive = false;
        for (int c : s.children(k)) {
            String r = s.rel(c);
            passive |= r.equals("aux:pass");
            if (r.equals("nsubj:pass") && s.token(c).isNoun()) {
                subj = c;
            }
        }
        if (!passive || subj < 0) {
            return -1;
        }
        for (int c : s.children(k)) {
            String r = s.rel(c);
            if (c <= k) {
                continue;
            }
            int first = s.subtree(c, x -> false).get(0);
            boolean prep = s.token(first).pos().equals("IN") && ContentSpans.COMPLEMENT_PREPOSITIONS.contains(s.token(first).lower());
            if (first <= k + 2 && (r.equals("xcomp") && s.token(c).isNoun() || prep && (r.equals("obl") || r.startsWith("advcl")))) {
                return c;
            }
        }
        return subj;
    }

    private static boolean hasOwnSubject(Sentence s, int h) {
        for (int c : s.children(h)) {
            if (s.rel(c).startsWith("nsubj")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "said Trump's “meltdown is unhinged”" parsed as an object plus a loose clause: a cue that takes no
     * object, with an object whose phrase holds a verb, has the clause as its content after all.
     */
    private static void misparsedClause(Sentence s, int k, List<Integer> heads) {
        for (int c : s.children(k)) {
            if (c > k && s.rel(c).equals("obj") && s.token(c).pos().matches("VBZ|VBD|VBP")) {
                heads.add(c); // "says there needs to be ...": a finite verb is no object
                return;
            }
            if (c > k && (s.rel(c).equals("obj") || s.rel(c).equals("dep"))) {
                for (int t : s.subtree(c, x -> false)) {
                    if (s.token(t).isVerb() && t != c || s.rel(c).equals("dep") && s.token(c).isVerb()) {
                        heads.add(c);
                        return;
                    }
                }
            }
        }
    }

    /**
     * "The governor believes the economy will recover" parsed with the cue as the clausal subject of
     * "recover": the content is the clause after the cue. The cue (or the noun it modifies, "a statement
     * saying") sits in a csubj of a later verb.
     */
    private static int clauseAboveCsubj(Sentence s, int k) {
        int a = k;
        for (int guard = 0; a >= 0 && guard < 4; guard++) {
            String r = s.rel(a);
            int h = s.head(a);
            boolean adverbial = a == k && r.equals("obl") && s.token(k).pos().equals("VBG"); // "began by saying he would"
            if ((r.startsWith("csubj") || adverbial) && h > k && (s.token(h).isVerb() || hasCopula(s, h))) {
                return h;           // "polls showed Clinton was the winner": the predicate may be a noun
            }
            if (!(r.equals("acl") || r.equals("obj")) || h < 0) {
                return -1;
            }
            a = h;
        }
        return -1;
    }

    private static boolean hasCopula(Sentence s, int h) {
        for (int c : s.children(h)) {
            if (s.rel(c).equals("cop")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Acts of protest, he said, are acts of patriotism" / "X has expanded, they say": the reporting clause set
     * off by commas is parsed as a parataxis (or dep) of the clause it reports. That clause is the content.
     */
    static int hostOfParenthetical(Sentence s, int k) {
        String r = s.rel(k);
        int h = s.head(k);
        if (h < 0 || !(r.equals("parataxis") || r.equals("dep")) || !setOffByComma(s, k)) {
            return -1;
        }
        Token t = s.token(h);
        return t.isVerb() || t.isNoun() || t.pos().startsWith("JJ") ? h : -1;
    }

    /**
     * "Jobs depend on exports to Mexico, one slide says": the reported clause is parsed as an adverbial clause
     * of the cue. It comes first, has a subject of its own and no subordinator ("if", "because").
     */
    static int clauseBeforeCue(Sentence s, int k) {
        if (!setOffByComma(s, k)) {
            return -1;
        }
        for (int c : s.children(k)) {
            String r = s.rel(c);
            if (c < k && (r.startsWith("advcl") || r.equals("dep") || r.equals("parataxis")) && hasOwnSubject(s, c)
                    && !hasSubordinator(s, c)) {
                return c;
            }
        }
        return -1;
    }

    /** The cue's clause (with its subject) is preceded by a comma, dash or closing quote. */
    private static boolean setOffByComma(Sentence s, int k) {
        int first = k;
        for (int c : s.children(k)) {
            if (s.rel(c).startsWith("nsubj") && c < first) {
                first = s.subtree(c, x -> false).get(0);
            }
        }
        if (first == 0) {
            return false;
        }
        String w = s.token(first - 1).word();
        return w.equals(",") || w.equals("--") || w.equals("—") || Quotes.isQuoteMark(w);
    }

    private static boolean hasSubordinator(Sentence s, int c) {
        for (int m : s.children(c)) {
            if (s.rel(m).equals("mark") && m < c && !s.token(m).lower().equals("that")) {
                return true;
            }
        }
        return false;
    }
}
