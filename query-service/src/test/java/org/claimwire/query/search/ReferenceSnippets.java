package org.claimwire.query.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * The snippet code as it was at commit 4d103f5 (Snippets.snippet and its helpers, FullTextSearch.snippetHtml,
 * Highlighter.escape), copied verbatim as the reference that {@link SnippetsEquivalenceTest} compares the
 * optimised {@link Snippets} with, and that {@link SnippetsBench} times it against.
 */
final class ReferenceSnippets {
    static final char START = '\uE000';
    static final char STOP = '\uE001';

    /** Verbatim: FullTextSearch.snippetHtml(String, String) at 4d103f5. */
    static String snippetHtml(String excerpt, String querytree) {
        return snippetHtml(snippet(excerpt, lexemes(querytree), START, STOP));
    }

    /** Verbatim: FullTextSearch.snippetHtml(String) at 4d103f5. */
    static String snippetHtml(String raw) {
        if (raw == null) {
            return null;
        }
        return escape(raw).replace(String.valueOf(START), "<mark>").replace(String.valueOf(STOP), "</mark>");
    }

    /** Verbatim: Highlighter.escape at 4d103f5. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static final int MAX_WORDS = 30;
    static final int MIN_WORDS = 10;
    static final int MAX_FRAGMENTS = 2;
    /** Words of context before the first match of a fragment. */
    static final int LEAD = 5;
    static final String DELIMITER = " … ";

    private ReferenceSnippets() {
    }

    /**
     * The lexemes of a {@code querytree(tsquery)} text such as {@code 'concret' <-> 'plan' | 'speak'} (quoted,
     * a quote inside doubled). "T" (nothing indexable) gives none.
     */
    public static Set<String> lexemes(String querytree) {
        Set<String> out = new HashSet<>();
        if (querytree == null) {
            return out;
        }
        int i = 0;
        int n = querytree.length();
        while (i < n) {
            if (querytree.charAt(i) != '\'') {
                i++;
                continue;
            }
            StringBuilder sb = new StringBuilder();
            i++;
            while (i < n) {
                char c = querytree.charAt(i);
                if (c == '\'') {
                    if (i + 1 < n && querytree.charAt(i + 1) == '\'') {
                        sb.append('\'');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (c == '\\' && i + 1 < n) {
                    c = querytree.charAt(++i);
                }
                sb.append(c);
                i++;
            }
            if (!sb.isEmpty()) {
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** A snippet of {@code text} with the words matching {@code lexemes} between {@code start} and {@code stop}. */
    public static String snippet(String text, Collection<String> lexemes, char start, char stop) {
        if (text == null) {
            return null;
        }
        if (text.indexOf(start) >= 0 || text.indexOf(stop) >= 0) {
            text = text.replace(String.valueOf(start), "").replace(String.valueOf(stop), "");
        }
        List<int[]> words = words(text);
        if (words.isEmpty()) {
            return "";
        }
        int n = words.size();
        String[] match = matches(text, words, lexemes);
        List<int[]> fragments = new ArrayList<>(); // word index ranges [from, to)
        boolean any = false;
        long[] bit = new long[n]; // per word, one bit for the lexeme it matches (distinct lexemes = bits set)
        Map<String, Long> bits = new HashMap<>();
        for (int k = 0; k < n; k++) {
            if (match[k] != null) {
                any = true;
                bit[k] = bits.computeIfAbsent(match[k], m -> 1L << Math.min(bits.size(), 63));
            }
        }
        if (!any) {
            fragments.add(new int[] {0, Math.min(MIN_WORDS, n)});
        } else {
            for (int f = 0; f < MAX_FRAGMENTS; f++) {
                int[] best = null;
                long bestScore = -1;
                for (int i = 0; i < n; i++) {
                    if (match[i] == null || covered(fragments, i)) {
                        continue;
                    }
                    int from = Math.max(0, i - LEAD);
                    while (covered(fragments, from)) {
                        from++;
                    }
                    int to = Math.min(n, from + MAX_WORDS);
                    for (int[] g : fragments) {
                        if (g[0] >= from && g[0] < to) {
                            to = g[0];
                        }
                    }
                    long distinct = 0;
                    int count = 0;
                    for (int k = from; k < to; k++) {
                        if (bit[k] != 0) {
                            distinct |= bit[k];
                            count++;
                        }
                    }
                    long score = (long) Long.bitCount(distinct) << 20 | count;
                    if (score > bestScore) {
                        bestScore = score;
                        best = new int[] {from, to};
                    }
                }
                if (best == null) {
                    break;
                }
                fragments.add(best);
            }
            fragments.sort((a, b) -> Integer.compare(a[0], b[0]));
        }
        StringBuilder sb = new StringBuilder();
        for (int[] g : fragments) {
            if (!sb.isEmpty()) {
                sb.append(DELIMITER);
            }
            int pos = words.get(g[0])[0];
            for (int k = g[0]; k < g[1]; k++) {
                int[] w = words.get(k);
                sb.append(text, pos, w[0]);
                if (match[k] != null) {
                    sb.append(start).append(text, w[0], w[1]).append(stop);
                } else {
                    sb.append(text, w[0], w[1]);
                }
                pos = w[1];
            }
            int end = pos; // the punctuation that closes the last word ("often.", "plans),")
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && !Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            sb.append(text, pos, end);
        }
        return sb.toString();
    }

    private static boolean covered(List<int[]> fragments, int i) {
        for (int[] g : fragments) {
            if (i >= g[0] && i < g[1]) {
                return true;
            }
        }
        return false;
    }

    /** Start and end (exclusive) of each run of letters and digits. */
    static List<int[]> words(String text) {
        List<int[]> out = new ArrayList<>(text.length() / 5 + 4);
        int i = 0;
        int n = text.length();
        while (i < n) {
            int c = text.codePointAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i += Character.charCount(c);
                continue;
            }
            int j = i;
            while (j < n) {
                int d = text.codePointAt(j);
                if (!Character.isLetterOrDigit(d)) {
                    break;
                }
                j += Character.charCount(d);
            }
            out.add(new int[] {i, j});
            i = j;
        }
        return out;
    }

    /** Stems of the words seen so far (a news vocabulary is some 10^5 words; no more are kept). */
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
    private static final int MAX_STEMS = 200_000;

    /** The Snowball English stem of a lower-case word (cached). */
    static String stem(String word) {
        String s = STEMS.get(word);
        if (s == null) {
            s = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH).stem(word).toString();
            if (STEMS.size() < MAX_STEMS) {
                STEMS.put(word, s);
            }
        }
        return s;
    }

    /**
     * Whether the word at {@code [start, end)} can stem to a lexeme: Snowball English keeps a word's first two
     * letters except in "dying", "lying" and "tying" (→ "die", "lie", "tie"). {@code prefixes} holds each lexeme's
     * first two characters as {@code c0 << 16 | c1} (one-character lexemes: {@code c0 << 16 | 0xFFFF}).
     */
    private static boolean mayStemTo(String text, int start, int end, int[] prefixes) {
        int c0 = Character.toLowerCase(text.charAt(start)) << 16;
        int c1 = end - start < 2 ? -1 : Character.toLowerCase(text.charAt(start + 1));
        for (int p : prefixes) {
            if (p == (c0 | 0xFFFF) || p == (c0 | c1)) {
                return true;
            }
        }
        return c1 == 'y' && end - start == 5;
    }

    /** Per word, the lexeme it matches, or null. */
    private static String[] matches(String text, List<int[]> words, Collection<String> lexemes) {
        String[] out = new String[words.size()];
        if (lexemes.isEmpty()) {
            return out;
        }
        Set<String> lex = lexemes instanceof Set<String> s ? s : new HashSet<>(lexemes);
        // only words that start like a lexeme (first two letters, or the one letter of a one-letter lexeme) need stemming
        int[] prefixes = new int[lex.size()];
        int np = 0;
        for (String l : lex) {
            if (!l.isEmpty()) {
                prefixes[np++] = l.charAt(0) << 16 | (l.length() < 2 ? 0xFFFF : l.charAt(1));
            }
        }
        prefixes = java.util.Arrays.copyOf(prefixes, np);
        for (int k = 0; k < out.length; k++) {
            int[] w = words.get(k);
            if (!mayStemTo(text, w[0], w[1], prefixes)) {
                continue;
            }
            String word = text.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
            if (lex.contains(word)) {
                out[k] = word;
            } else {
                String stem = stem(word);
                out[k] = lex.contains(stem) ? stem : null;
            }
        }
        return out;
    }
}
