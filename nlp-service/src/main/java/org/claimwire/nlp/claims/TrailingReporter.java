package org.claimwire.nlp.claims;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimwire.nlp.doc.Edge;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;

/**
 * "The union rejected the offer, a spokesman said": the parser now and then hangs the trailing reporting
 * clause inside the clause it reports, as the complement of the main verb ("rejected ... said") or as a loose
 * dependent of its object, and may even make the object the subject of "said". Then the reported clause
 * swallows its own attribution ("the offer, a spokesman said") and the attribution is lost. This repairs such
 * a tree the way the sentence is read: the trailing cue verb becomes the root, the first clause its
 * complement, the noun phrase after the comma its subject, and what the first clause lent to it goes back.
 */
final class TrailingReporter {
    private static final Set<String> DEMONSTRATIVES = Set.of("that", "this", "these", "those");

    private TrailingReporter() {
    }

    static void repair(Sentence s, CueLexicon lex) {
        int last = s.size() - 1;
        while (last >= 0 && s.token(last).isPunct()) {
            last--;
        }
        if (last < 2) {
            return;
        }
        int r = last;
        Token rv = s.token(r);
        // a headline ("Jobs Will Grow, Senate Leader Says") is left to LabelledQuotes.headlineSays
        if (!rv.pos().matches("VBD|VBZ|VBP") || !lex.isCue(rv.lemma()) || Character.isUpperCase(rv.word().charAt(0))
                || !(s.rel(r).equals("ccomp") || s.rel(r).equals("dep"))) {
            return;
        }
        int c = commaBeforeSubject(s, r);
        int g = root(s);
        if (c < 0 || g < 0 || g >= c || !s.token(g).isVerb() || !s.dominates(g, r)) {
            return;
        }
        int subj = -1;
        for (int t = c + 1; t < r; t++) {
            if (s.head(t) <= c || s.head(t) >= r) {
                subj = t; // the head of the noun phrase between the comma and the verb
            }
        }
        if (subj < 0 || !(s.token(subj).isNoun() || s.token(subj).pos().startsWith("PRP"))) {
            return;
        }
        int n = s.size();
        int[] head = new int[n];
        String[] rel = new String[n];
        for (int i = 0; i < n; i++) {
            head[i] = s.head(i);
            rel[i] = s.rel(i);
        }
        Set<Integer> changed = new HashSet<>();
        set(head, rel, changed, r, -1, "root");
        set(head, rel, changed, g, r, "ccomp");
        set(head, rel, changed, subj, r, "nsubj");
        set(head, rel, changed, c, r, "punct");
        for (int t = last + 1; t < n; t++) {
            set(head, rel, changed, t, r, "punct");
        }
        // what hung from the reporting clause but stands before the comma goes back to the first clause
        for (int t = 0; t < c; t++) {
            if (t == g || s.head(t) < c) {
                continue;
            }
            Token tok = s.token(t);
            if (DEMONSTRATIVES.contains(tok.lower()) && t + 1 < c && s.token(t + 1).isNoun()) {
                set(head, rel, changed, t, t + 1, "det"); // "rejected that bid": a determiner, not a complementizer
            } else if (tok.isNoun() || tok.pos().equals("CD")) {
                set(head, rel, changed, t, g, hasObject(head, rel, g) ? "dep" : "obj");
                for (int a : s.children(t)) {
                    if (a > t && s.token(a).pos().startsWith("RB")) {
                        set(head, rel, changed, a, g, "advmod"); // "rejected the bid twice"
                    }
                }
            } else {
                set(head, rel, changed, t, g, tok.pos().startsWith("RB") ? "advmod" : "dep");
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (Edge e : s.edges()) {
            if (!changed.contains(e.dep())) {
                edges.add(e);
            }
        }
        for (int t : changed) {
            if (head[t] >= 0) {
                edges.add(new Edge(head[t], t, rel[t]));
            }
        }
        s.setParse(head, rel, edges);
    }

    /** The comma before the reporting verb, with only a noun phrase between them ("…, a union spokesman said"). */
    private static int commaBeforeSubject(Sentence s, int r) {
        for (int t = r - 1; t > 0; t--) {
            Token tok = s.token(t);
            if (tok.word().equals(",")) {
                return t < r - 1 ? t : -1;
            }
            if (tok.isVerb() || tok.pos().equals("CC") || tok.pos().startsWith("W") || tok.isPunct()
                    && !tok.pos().matches("HYPH|POS")) {
                return -1;
            }
        }
        return -1;
    }

    private static int root(Sentence s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.head(i) < 0 && s.rel(i).equals("root")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasObject(int[] head, String[] rel, int g) {
        for (int i = 0; i < head.length; i++) {
            if (head[i] == g && rel[i].equals("obj")) {
                return true;
            }
        }
        return false;
    }

    private static void set(int[] head, String[] rel, Set<Integer> changed, int t, int h, String r) {
        head[t] = h;
        rel[t] = r;
        changed.add(t);
    }
}
