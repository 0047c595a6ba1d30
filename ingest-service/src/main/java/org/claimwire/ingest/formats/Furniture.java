package org.claimwire.ingest.formats;

import java.util.ArrayList;
import java.util.List;
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

    /** Lines of {@code text} without the furniture; null/blank in gives "" out. */
    public static String strip(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        lines.removeIf(String::isBlank);
        // trailing run
        while (!lines.isEmpty() && isShortUnpunctuated(lines.get(lines.size() - 1)) && lines.size() > 1) {
            lines.remove(lines.size() - 1);
        }
        // leading run of interface lines (not a leading sub-heading)
        while (lines.size() > 1 && isShortUnpunctuated(lines.get(0)) && looksLikeInterface(lines.get(0))) {
            lines.remove(0);
        }
        lines.removeIf(l -> lines.size() > 1 && isShortUnpunctuated(l) && looksLikeInterface(l));
        return String.join("\n", lines).trim();
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
        int words = 0;
        boolean in = false;
        for (int i = 0; i < t.length() && words < limit; i++) {
            boolean ws = Character.isWhitespace(t.charAt(i));
            if (!ws && !in) {
                words++;
            }
            in = !ws;
        }
        return words;
    }
}
