package org.claimwire.ingest.normalise.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Drops page furniture from story text: the short interface lines that scrapers and some feeds carry
 * along with the story ("Share this", "Read more", "Ask me anything", "Explore related questions",
 * "Sign up for our newsletter", ...).
 *
 * <p>General rules, not a list of strings: a line is furniture when it is short (at most
 * {@value #MAX_WORDS} words), has no sentence punctuation, and either
 * <ul>
 *   <li>sits in the run of such lines at the very end (or start) of the body, or</li>
 *   <li>is built on interface vocabulary (an imperative call to action such as share/ask/explore/
 *       subscribe/follow/click, or a UI noun such as menu/newsletter/advertisement/related).</li>
 * </ul>
 * Short unpunctuated lines inside the story that do not look like interface text (sub-headings)
 * are kept.
 */
public final class Furniture {
    static final int MAX_WORDS = 6;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;:\"”’»)]\\s*$");
    private static final Pattern UI_WORDS = Pattern.compile(
            "^(ask|explore|share|tweet|email|print|subscribe|follow|click|tap|read|see|view|watch|listen|sign|log|"
                    + "register|download|comment|like|save|bookmark|join|get|try|discover|learn|more|next|previous|"
                    + "back|skip|close|menu|home|search|advertisement|advertising|sponsored|promoted|related|"
                    + "recommended|trending|popular|newsletter|cookie|cookies|copyright|©|all|show|open|jump|"
                    + "continue|load|reprints|licensing|feedback|report|top|up)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern UI_ANYWHERE = Pattern.compile(
            ".*\\b(questions?|stories|articles|newsletter|sign up|log in|subscribe|share (this|on|via)|"
                    + "read more|follow us|on (facebook|twitter|x|whatsapp|linkedin|telegram)|"
                    + "related|recommended|advertisement|cookies?|all rights reserved|min read)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Furniture() {
    }

    /**
     * Lines of {@code text} without the furniture; null/blank in gives "" out. Works on line offsets and looks
     * no further than the first {@value #MAX_WORDS} + 1 words of a line, so a long story costs one pass and
     * no copies when nothing is dropped (the usual case).
     */
    public static String strip(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        int n = text.length();
        int[] from = new int[32];
        int[] to = new int[32];
        int count = 0;
        boolean sawBlank = false;
        for (int s = 0; s <= n; ) {
            int e = text.indexOf('\n', s);
            if (e < 0) {
                e = n;
            }
            if (isBlank(text, s, e)) {
                sawBlank = true;
            } else {
                if (count == from.length) {
                    from = java.util.Arrays.copyOf(from, count * 2);
                    to = java.util.Arrays.copyOf(to, count * 2);
                }
                from[count] = s;
                to[count] = e;
                count++;
            }
            s = e + 1;
        }
        // 0 = not yet known, 1 = short and unpunctuated, 2 = not
        byte[] shortLine = new byte[count];
        int lo = 0;
        int hi = count;
        // trailing run
        while (hi - lo > 1 && isShortUnpunctuated(text, from[hi - 1], to[hi - 1], shortLine, hi - 1)) {
            hi--;
        }
        // leading run of interface lines (not a leading sub-heading)
        while (hi - lo > 1 && isShortUnpunctuated(text, from[lo], to[lo], shortLine, lo)
                && looksLikeInterface(text.substring(from[lo], to[lo]))) {
            lo++;
        }
        boolean[] drop = null;
        if (hi - lo > 1) {
            for (int i = lo; i < hi; i++) {
                if (isShortUnpunctuated(text, from[i], to[i], shortLine, i)
                        && looksLikeInterface(text.substring(from[i], to[i]))) {
                    if (drop == null) {
                        drop = new boolean[count];
                    }
                    drop[i] = true;
                }
            }
        }
        if (!sawBlank && lo == 0 && hi == count && drop == null) {
            return text.trim();
        }
        StringBuilder out = new StringBuilder(n);
        for (int i = lo; i < hi; i++) {
            if (drop == null || !drop[i]) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(text, from[i], to[i]);
            }
        }
        return out.toString().trim();
    }

    /** As {@link String#isBlank()} on {@code text[from, to)}. */
    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isShortUnpunctuated(String)} of {@code text[from, to)}, remembered in {@code known[line]}. */
    private static boolean isShortUnpunctuated(String text, int from, int to, byte[] known, int line) {
        if (known[line] == 0) {
            // the bounds String.trim() would keep
            int s = from;
            int e = to;
            while (s < e && text.charAt(s) <= ' ') {
                s++;
            }
            while (e > s && text.charAt(e - 1) <= ' ') {
                e--;
            }
            boolean result = s == e || (wordCount(text, s, e, MAX_WORDS + 1) <= MAX_WORDS
                    && !endsSentence(text, s, e));
            known[line] = (byte) (result ? 1 : 2);
        }
        return known[line] == 1;
    }

    /**
     * {@code SENTENCE_END.matcher(text.substring(from, to)).find()} for a trimmed range, without a matcher: a
     * closing mark followed only by regex whitespace up to the end, or up to a final line terminator (where
     * {@code $} also matches).
     */
    static boolean endsSentence(String text, int from, int to) {
        if (endsSentenceAt(text, from, to)) {
            return true;
        }
        char last = text.charAt(to - 1);
        return (last == '\u0085' || last == '\u2028' || last == '\u2029') && endsSentenceAt(text, from, to - 1);
    }

    private static boolean endsSentenceAt(String text, int from, int end) {
        int q = end;
        while (q > from && isRegexSpace(text.charAt(q - 1))) {
            q--;
        }
        return q > from && ".!?;:\"\u201D\u2019\u00BB)".indexOf(text.charAt(q - 1)) >= 0;
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** A line of at most {@value #MAX_WORDS} words with no sentence punctuation at its end. */
    public static boolean isShortUnpunctuated(String line) {
        String t = line.trim();
        if (t.isEmpty()) {
            return true;
        }
        return wordCount(t, MAX_WORDS + 1) <= MAX_WORDS && !SENTENCE_END.matcher(t).find();
    }

    /** Interface vocabulary: a call to action or a UI noun. */
    public static boolean looksLikeInterface(String line) {
        String t = line.trim().toLowerCase(Locale.ROOT);
        return UI_WORDS.matcher(t).matches() || UI_ANYWHERE.matcher(t).matches();
    }

    static int wordCount(String t) {
        return wordCount(t, Integer.MAX_VALUE);
    }

    /** Words in {@code t}, counting stops at {@code limit} (long lines need not be read to the end). */
    static int wordCount(String t, int limit) {
        return wordCount(t, 0, t.length(), limit);
    }

    private static int wordCount(String t, int from, int to, int limit) {
        int words = 0;
        boolean in = false;
        for (int i = from; i < to && words < limit; i++) {
            boolean ws = Character.isWhitespace(t.charAt(i));
            if (!ws && !in) {
                words++;
            }
            in = !ws;
        }
        return words;
    }
}
