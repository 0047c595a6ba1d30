package org.claimwire.nlp.doc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * One sentence: tokens and, when the sentence was dependency-parsed, its basic tree ({@link #head},
 * {@link #rel}) and the enhanced++ graph ({@link #edges()}). Plain data; no CoreNLP types leak out.
 */
public final class Sentence {
    private final int index;
    private final List<Token> tokens;
    private int[] head;          // basic tree: head index or -1 for root; null when not parsed
    private String[] rel;        // basic relation to the head
    private List<Edge> edges = List.of();
    private List<List<Integer>> children;   // basic-tree children per token, built once with the parse
    private List<List<Edge>> outEdges;      // enhanced++ edges per governor

    public Sentence(int index, List<Token> tokens) {
        this.index = index;
        this.tokens = List.copyOf(tokens);
    }

    public int index() {
        return index;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    public int size() {
        return tokens.size();
    }

    public int begin() {
        return tokens.isEmpty() ? 0 : tokens.get(0).begin();
    }

    public int end() {
        return tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
    }

    public boolean parsed() {
        return head != null;
    }

    public void setParse(int[] head, String[] rel, List<Edge> edges) {
        this.head = head;
        this.rel = rel;
        this.edges = List.copyOf(edges);
        int n = tokens.size();
        List<List<Integer>> ch = new ArrayList<>(n);
        List<List<Edge>> oe = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ch.add(new ArrayList<>(2));
            oe.add(new ArrayList<>(2));
        }
        for (int k = 0; k < n; k++) {
            if (head[k] >= 0 && head[k] < n) {
                ch.get(head[k]).add(k);
            }
        }
        for (Edge e : this.edges) {
            if (e.gov() >= 0 && e.gov() < n) {
                oe.get(e.gov()).add(e);
            }
        }
        this.children = ch;
        this.outEdges = oe;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** Basic-tree head of token i (-1 for root or when unparsed). */
    public int head(int i) {
        return head == null ? -1 : head[i];
    }

    /** Basic-tree relation of token i to its head ("root" for the root). */
    public String rel(int i) {
        return rel == null ? "" : rel[i];
    }

    /** Enhanced++ dependents of {@code gov} whose relation matches. */
    public List<Edge> out(int gov, Predicate<String> relMatches) {
        List<Edge> r = new ArrayList<>();
        if (outEdges == null || gov < 0 || gov >= outEdges.size()) {
            return r;
        }
        for (Edge e : outEdges.get(gov)) {
            if (relMatches.test(e.rel())) {
                r.add(e);
            }
        }
        return r;
    }

    /** Enhanced++ governors of {@code dep} whose relation matches. */
    public List<Edge> in(int dep, Predicate<String> relMatches) {
        List<Edge> r = new ArrayList<>();
        for (Edge e : edges) {
            if (e.dep() == dep && relMatches.test(e.rel())) {
                r.add(e);
            }
        }
        return r;
    }

    /** Basic-tree children of token i. */
    public List<Integer> children(int i) {
        if (children == null || i < 0 || i >= children.size()) {
            return Collections.emptyList();
        }
        return Collections.unmodifiableList(children.get(i));
    }

    /**
     * Token indexes of the basic subtree rooted at {@code root}, skipping the subtrees of children
     * for which {@code prune} is true. Sorted.
     */
    public List<Integer> subtree(int root, Predicate<Integer> prune) {
        List<Integer> out = new ArrayList<>();
        collect(root, prune, out);
        Collections.sort(out);
        return out;
    }

    private void collect(int node, Predicate<Integer> prune, List<Integer> out) {
        out.add(node);
        for (int c : children(node)) {
            if (!prune.test(c)) {
                collect(c, prune, out);
            }
        }
    }

    /** Whether token {@code a} dominates {@code b} in the basic tree (or equals it). */
    public boolean dominates(int a, int b) {
        int k = b;
        int guard = 0;
        while (k >= 0 && guard++ < tokens.size() + 1) {
            if (k == a) {
                return true;
            }
            k = head(k);
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            sb.append(t.word()).append(' ');
        }
        return sb.toString().trim();
    }
}
