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
 * Search snippets built in the JVM for the returned page, in place of PostgreSQL's {@code ts_headline} (which
 * re-parsed and re-stemmed every excerpt inside the database: about 4–5 ms of database CPU per search for
 * 21 excerpts of 2,000 characters, the single largest cost after ranking).
 *
 * <p>Matching: the excerpt is split into words (runs of letters and digits, as PostgreSQL's parser splits
 * "Putin's" and "well-known"); each word is lower-cased and stemmed with the Snowball English stemmer, the
 * algorithm PostgreSQL's {@code english} configuration uses, and marked when its stem (or the word itself) is one
 * of the query's lexemes. The lexemes come from PostgreSQL ({@code querytree} of the query, {@link #lexemes}), so
 * stop words and negated words are never marked, and the irregular forms that {@link Lemmas} adds ("speak" →
 * "spoke", "spoken") are marked like the rest.
 *
 * <p>Fragments, like {@code ts_headline(..., 'MaxWords=30, MinWords=10, MaxFragments=2')}: up to two
 * non-overlapping windows of at most {@link #MAX_WORDS} words, each starting a few words before a match, chosen
 * by the number of distinct query lexemes they contain, then by the number of matches, then the earliest; shown
 * in text order, joined by " … ". Without any match, the first {@link #MIN_WORDS} words. {@link #html} gives the
 * snippet as safe HTML (matches in {@code <mark>}), {@link #snippet} with matches between given characters.
 *
 * <p>Cost (a JFR profile had snippets at ~47% of the service's CPU per search): a {@link Query} is built once per
 * search and reused for the page's rows (lexemes parsed once, scratch buffers kept); words are found 64 characters
 * at a time as a bitmap (a table for Latin-1) rather than code point by code point; a word is only lower-cased and
 * stemmed when its first letters can lead to a lexeme, and the answer is memoised per written form; the HTML is
 * escaped and marked in the same pass that copies the fragments. The output is that of the code it replaced
 * (SnippetsEquivalenceTest compares it with a verbatim copy on generated texts); SnippetsBench times both.
 */
public final class Snippets {
    /** Private-use characters that mark a match while the snippet is built. */
    static final char START = '\uE000';
    static final char STOP = '\uE001';
    static final int MAX_WORDS = 30;
    static final int MIN_WORDS = 10;
    static final int MAX_FRAGMENTS = 2;
    /** Words of context before the first match of a fragment. */
    static final int LEAD = 5;
    static final String DELIMITER = " … ";

    private Snippets() {
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
        return new Query(lexemes).snippet(text, start, stop);
    }

    /**
     * The snippet of an excerpt as safe HTML: text escaped ({@code < > & "}), matches in {@code <mark>}; marker
     * characters U+E000/U+E001 in the text are dropped first. Built in one pass (before, the marked
     * snippet was escaped and the markers replaced: two more copies). When several excerpts share a query, build a
     * {@link Query} once and call {@link Query#html}.
     */
    public static String html(String excerpt, String querytree) {
        return query(querytree).html(excerpt);
    }

    /** The matcher of a {@code querytree} text (its {@link #lexemes}), to reuse for every excerpt of a search. */
    public static Query query(String querytree) {
        return new Query(lexemes(querytree));
    }

    /**
     * A query's lexemes prepared once (ids, two-character prefixes) for the excerpts of one search. Not thread-safe:
     * it keeps its scratch buffers (the excerpt's characters, word bounds, matches, the output) from excerpt to
     * excerpt, so one thread uses it, as {@code QueryRepository.search} does for the rows of a page.
     */
    public static final class Query {
        /** Lexeme → id (0..n-1). */
        private final HashMap<String, Integer> ids;
        /** Each non-empty lexeme's first two characters, see {@link #mayStemTo}. */
        private final int[] prefixes;
        /** The first characters (below 256) of the lexemes, a bit each. */
        private final long[] firsts = new long[4];
        /** Per lexeme id, its bit in the current excerpt (0: not met yet). */
        private final long[] slot;

        // scratch, reused from excerpt to excerpt
        private char[] chars = new char[0];
        /** Word k is {@code [words[2k], words[2k+1])}; n words. */
        private int[] words = new int[0];
        private int n;
        /** Word index and lexeme bit of each match, in text order; m matches. */
        private int[] mpos = new int[0];
        private long[] mbit = new long[0];
        private int m;
        /** Chosen fragments as {@code [from, to)} word ranges; nf of them. */
        private final int[] frags = new int[2 * MAX_FRAGMENTS];
        private int nf;

        public Query(Collection<String> lexemes) {
            ids = new HashMap<>();
            int[] p = new int[lexemes.size()];
            int np = 0;
            for (String l : lexemes) {
                if (ids.putIfAbsent(l, ids.size()) == null && !l.isEmpty()) {
                    p[np++] = l.charAt(0) << 16 | (l.length() < 2 ? 0xFFFF : l.charAt(1));
                }
            }
            prefixes = java.util.Arrays.copyOf(p, np);
            slot = new long[ids.size()];
            for (int k = 0; k < np; k++) {
                int c0 = prefixes[k] >>> 16;
                if (c0 < 256) {
                    firsts[c0 >> 6] |= 1L << c0;
                }
            }
        }

        /** {@link Snippets#html(String, String)} with this query. */
        public String html(String excerpt) {
            return build(excerpt, START, STOP, true);
        }

        /** {@link Snippets#snippet} with this query. */
        public String snippet(String text, char start, char stop) {
            return build(text, start, stop, false);
        }

        private String build(String text, char start, char stop, boolean html) {
            if (text == null) {
                return null;
            }
            if (text.indexOf(start) >= 0 || text.indexOf(stop) >= 0) {
                text = text.replace(String.valueOf(start), "").replace(String.valueOf(stop), "");
            }
            int len = text.length();
            if (chars.length < len) {
                chars = new char[Math.max(len, 2 * chars.length)];
            }
            text.getChars(0, len, chars, 0);
            char[] c = chars;
            scan(c, len, !ids.isEmpty());
            if (n == 0) {
                return "";
            }
            fragments();
            int[] w = words;
            ol = 0;
            int q = 0; // next match (index into mpos) at or after the current word
            for (int f = 0; f < nf; f++) {
                if (f > 0) {
                    put(DELIMITER);
                }
                int from = frags[2 * f];
                int to = frags[2 * f + 1];
                while (q < m && mpos[q] < from) {
                    q++;
                }
                int pos = w[2 * from];
                for (int k = from; k < to; k++) {
                    int ws = w[2 * k];
                    int we = w[2 * k + 1];
                    put(c, pos, ws, html);
                    if (q < m && mpos[q] == k) {
                        q++;
                        if (html) {
                            put("<mark>");
                            put(c, ws, we, false);
                            put("</mark>");
                        } else {
                            put(String.valueOf(start));
                            put(c, ws, we, false);
                            put(String.valueOf(stop));
                        }
                    } else {
                        put(c, ws, we, false); // letters and digits: nothing to escape
                    }
                    pos = we;
                }
                int end = pos; // the punctuation that closes the last word ("often.", "plans),")
                while (end < len && !Character.isWhitespace(c[end]) && !Character.isLetterOrDigit(c[end])) {
                    end++;
                }
                put(c, pos, end, html);
            }
            String s = new String(o, 0, ol);
            if (o.length > 1 << 16) {
                o = new char[1024];
            }
            return s;
        }

        /** The output so far: {@code o[0, ol)}. */
        private char[] o = new char[1024];
        private int ol;

        private void ensure(int extra) {
            if (ol + extra > o.length) {
                o = java.util.Arrays.copyOf(o, Math.max(2 * o.length, ol + extra));
            }
        }

        private void put(String s) {
            ensure(s.length());
            s.getChars(0, s.length(), o, ol);
            ol += s.length();
        }

        /** Appends {@code c[from, to)}, escaped like {@code Highlighter.escape} when {@code html}. */
        private void put(char[] c, int from, int to, boolean html) {
            int l = to - from;
            if (!html) {
                ensure(l);
                System.arraycopy(c, from, o, ol, l);
                ol += l;
                return;
            }
            ensure(6 * l);
            char[] out = o;
            int j = ol;
            for (int i = from; i < to; i++) {
                char ch = c[i];
                switch (ch) {
                    case '<' -> {
                        out[j++] = '&';
                        out[j++] = 'l';
                        out[j++] = 't';
                        out[j++] = ';';
                    }
                    case '>' -> {
                        out[j++] = '&';
                        out[j++] = 'g';
                        out[j++] = 't';
                        out[j++] = ';';
                    }
                    case '&' -> {
                        out[j++] = '&';
                        out[j++] = 'a';
                        out[j++] = 'm';
                        out[j++] = 'p';
                        out[j++] = ';';
                    }
                    case '"' -> {
                        out[j++] = '&';
                        out[j++] = 'q';
                        out[j++] = 'u';
                        out[j++] = 'o';
                        out[j++] = 't';
                        out[j++] = ';';
                    }
                    default -> out[j++] = ch;
                }
            }
            ol = j;
        }

        /**
         * Splits {@code c[0, len)} into runs of letters and digits (code points, as
         * {@link Character#isLetterOrDigit(int)}) and, when {@code match}, finds the matching words. A match's bit is
         * one per distinct lexeme in the order lexemes are first met (the 64th and later share the top bit).
         *
         * <p>64 characters at a time: a bit per character (a table for Latin-1), then the words are the runs of set
         * bits. Both halves of a surrogate pair get the bit of their code point (a high surrogate always starts a
         * code point when the text is read from the start, so a low surrogate after one is always its pair).
         */
        private void scan(char[] c, int len, boolean match) {
            int[] w = words;
            if (w.length < 2 * (len / 5 + 8)) {
                w = new int[2 * (len / 5 + 8)];
            }
            int ns = 0; // words started
            int ne = 0; // words ended
            m = 0;
            java.util.Arrays.fill(slot, 0L);
            assigned = 0;
            long carry = 0; // the bit of the character before the block
            for (int base = 0; base < len; base += 64) {
                int lim = Math.min(64, len - base);
                long bits = 0;
                for (int k = 0; k < lim; k++) {
                    char ch = c[base + k];
                    long b = ch < 256 ? LATIN1_BIT[ch] : wordChar(c, base + k, len);
                    bits |= b << k;
                }
                long prev = bits << 1 | carry;
                long starts = bits & ~prev;
                long ends = ~bits & prev;
                carry = bits >>> 63;
                if (w.length < 2 * (ns + 66)) {
                    w = java.util.Arrays.copyOf(w, Math.max(2 * w.length, 2 * (ns + 66)));
                }
                while (starts != 0) {
                    w[2 * ns++] = base + Long.numberOfTrailingZeros(starts);
                    starts &= starts - 1;
                }
                while (ends != 0) {
                    int end = base + Long.numberOfTrailingZeros(ends);
                    ends &= ends - 1;
                    w[2 * ne + 1] = end;
                    if (match) {
                        matched(c, w[2 * ne], end, ne);
                    }
                    ne++;
                }
            }
            if (ne < ns) { // the text ends with a word at a multiple of 64
                w[2 * ne + 1] = len;
                if (match) {
                    matched(c, w[2 * ne], len, ne);
                }
                ne++;
            }
            words = w;
            n = ne;
        }

        /** Records word {@code k} at {@code c[start, end)} as a match when it matches a lexeme. */
        private void matched(char[] c, int start, int end, int k) {
            int id = match(c, start, end);
            if (id < 0) {
                return;
            }
            long bit = slot[id];
            if (bit == 0) {
                bit = slot[id] = 1L << Math.min(assigned++, 63);
            }
            if (m == mpos.length) {
                int cap = Math.max(16, 2 * m);
                mpos = java.util.Arrays.copyOf(mpos, cap);
                mbit = java.util.Arrays.copyOf(mbit, cap);
            }
            mpos[m] = k;
            mbit[m] = bit;
            m++;
        }

        /** Lexemes given a bit so far in the current excerpt. */
        private int assigned;

        /** The lexeme id that the word at {@code c[start, end)} matches, or -1 (memoised by the word as written). */
        private int match(char[] c, int start, int end) {
            char a = c[start];
            if (a < 256 && end - start != 5 && (firsts[LATIN1_LOWER[a] >> 6] & 1L << LATIN1_LOWER[a]) == 0) {
                return -1; // no lexeme starts with the lower-cased first letter (and not a "dying" case): see mayStemTo
            }
            if (!mayStemTo(c, start, end, prefixes)) {
                return -1;
            }
            int len = end - start;
            int h = len;
            for (int i = start; i < end; i++) {
                h = 31 * h + c[i];
            }
            int slotIndex = (h ^ h >>> 16) & (MEMO - 1);
            char[] key = memoKeys[slotIndex];
            if (key != null && key.length == len && java.util.Arrays.equals(key, 0, len, c, start, end)) {
                return memoIds[slotIndex];
            }
            String word = new String(c, start, len).toLowerCase(Locale.ROOT);
            Integer id = ids.get(word);
            if (id == null) {
                id = ids.get(stem(word));
            }
            int out = id == null ? -1 : id;
            memoKeys[slotIndex] = java.util.Arrays.copyOfRange(c, start, end);
            memoIds[slotIndex] = out;
            return out;
        }

        private static final int MEMO = 256;
        /** Words (as written) that passed {@link #mayStemTo}, direct-mapped by hash, and the id each matches. */
        private final char[][] memoKeys = new char[MEMO][];
        private final int[] memoIds = new int[MEMO];

        /**
         * Up to {@link #MAX_FRAGMENTS} non-overlapping windows as {@code [from, to)} word ranges, in text order: for
         * each, of the windows starting {@link #LEAD} words before a match not yet covered (moved past covered
         * words, cut before a later fragment), the one with the most distinct lexemes, then the most matches, then
         * the earliest. Without matches, the first {@link #MIN_WORDS} words.
         */
        private void fragments() {
            int[] g = frags;
            if (m == 0) {
                g[0] = 0;
                g[1] = Math.min(MIN_WORDS, n);
                nf = 1;
                return;
            }
            nf = 0;
            for (int f = 0; f < MAX_FRAGMENTS; f++) {
                int bestFrom = -1;
                int bestTo = -1;
                long bestScore = -1;
                for (int q = 0; q < m; q++) {
                    int i = mpos[q];
                    if (covered(i)) {
                        continue;
                    }
                    int from = Math.max(0, i - LEAD);
                    while (covered(from)) {
                        from++;
                    }
                    int to = Math.min(n, from + MAX_WORDS);
                    for (int h = 0; h < nf; h++) {
                        if (g[2 * h] >= from && g[2 * h] < to) {
                            to = g[2 * h];
                        }
                    }
                    // the matches in [from, to): from <= i, and from >= i - LEAD, so at most LEAD matches back from q
                    int r = q;
                    while (r > 0 && mpos[r - 1] >= from) {
                        r--;
                    }
                    long distinct = 0;
                    int count = 0;
                    for (; r < m && mpos[r] < to; r++) {
                        distinct |= mbit[r];
                        count++;
                    }
                    long score = (long) Long.bitCount(distinct) << 20 | count;
                    if (score > bestScore) {
                        bestScore = score;
                        bestFrom = from;
                        bestTo = to;
                    }
                }
                if (bestFrom < 0) {
                    break;
                }
                g[2 * nf] = bestFrom;
                g[2 * nf + 1] = bestTo;
                nf++;
            }
            // text order (insertion sort on from; fragments never share a start)
            for (int a = 1; a < nf; a++) {
                int from = g[2 * a];
                int to = g[2 * a + 1];
                int b = a - 1;
                while (b >= 0 && g[2 * b] > from) {
                    g[2 * b + 2] = g[2 * b];
                    g[2 * b + 3] = g[2 * b + 1];
                    b--;
                }
                g[2 * b + 2] = from;
                g[2 * b + 3] = to;
            }
        }

        private boolean covered(int i) {
            for (int h = 0; h < nf; h++) {
                if (i >= frags[2 * h] && i < frags[2 * h + 1]) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Per char below 256: 1 for a letter or digit. */
    private static final long[] LATIN1_BIT = new long[256];
    /** Per char below 256: {@link Character#toLowerCase(char)}. */
    private static final char[] LATIN1_LOWER = new char[256];

    static {
        for (int c = 0; c < 256; c++) {
            LATIN1_BIT[c] = Character.isLetterOrDigit(c) ? 1 : 0;
            LATIN1_LOWER[c] = Character.toLowerCase((char) c);
        }
    }

    /**
     * 1 when the char at {@code i} (not Latin-1) is (part of) a letter or digit code point: a surrogate pair takes
     * its code point's; a lone surrogate is none.
     */
    private static long wordChar(char[] c, int i, int len) {
        char ch = c[i];
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < len && Character.isLowSurrogate(c[i + 1])
                    && Character.isLetterOrDigit(Character.toCodePoint(ch, c[i + 1])) ? 1 : 0;
        }
        if (Character.isLowSurrogate(ch)) {
            return i > 0 && Character.isHighSurrogate(c[i - 1])
                    && Character.isLetterOrDigit(Character.toCodePoint(c[i - 1], ch)) ? 1 : 0;
        }
        return Character.isLetterOrDigit(ch) ? 1 : 0;
    }

    /** Start and end (exclusive) of each run of letters and digits. */
    static List<int[]> words(String text) {
        Query q = new Query(List.of());
        char[] c = text.toCharArray();
        q.scan(c, c.length, false);
        List<int[]> out = new ArrayList<>(q.n);
        for (int k = 0; k < q.n; k++) {
            out.add(new int[] {q.words[2 * k], q.words[2 * k + 1]});
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
    private static boolean mayStemTo(char[] c, int start, int end, int[] prefixes) {
        char a = c[start];
        int c0 = (a < 256 ? LATIN1_LOWER[a] : Character.toLowerCase(a)) << 16;
        int c1 = -1;
        if (end - start >= 2) {
            char b = c[start + 1];
            c1 = b < 256 ? LATIN1_LOWER[b] : Character.toLowerCase(b);
        }
        for (int p : prefixes) {
            if (p == (c0 | 0xFFFF) || p == (c0 | c1)) {
                return true;
            }
        }
        return c1 == 'y' && end - start == 5;
    }
}
