package org.claimwire.query.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text helpers of ask and search: word tokens (consistent with {@link Names#normalise}, so "U.S." is one word "us"),
 * phrase containment, sentences, and display text (whitespace of hard-wrapped copy collapsed).
 */
public final class Text {
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    private Text() {
    }

    /** Lower-cased word tokens (accents removed, possessive dropped, "U.S." one word "us" as in stored names). */
    public static List<String> words(String text) {
        return words(text, true);
    }

    /** The same tokens as {@link #words}, in the letter case they were written in ("Reagan", "trade", "US"). */
    public static List<String> wordsAsWritten(String text) {
        return words(text, false);
    }

    private static List<String> words(String text, boolean lowerCase) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        if (lowerCase) {
            s = s.toLowerCase(Locale.ROOT);
        }
        s = Names.INITIAL_DOT.matcher(s).replaceAll("");
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            String w = m.group().replace('’', '\'');
            if (w.endsWith("'s") || w.endsWith("'S")) {
                w = w.substring(0, w.length() - 2);
            }
            out.add(w);
        }
        return out;
    }

    /**
     * A cheap key for "the same words": letters and digits lower-cased, one space between words (no accent folding,
     * no possessives; for telling copies of one text apart from other texts, many times per request).
     */
    public static String wordKey(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                b.append(Character.toLowerCase(ch));
                gap = false;
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    /** True when {@code haystack} contains {@code needle} as whole words, ignoring case, accents and punctuation. */
    public static boolean containsPhrase(String haystack, String needle) {
        String h = " " + normaliseLoose(haystack) + " ";
        String n = normaliseLoose(needle);
        return !n.isEmpty() && h.contains(" " + n + " ");
    }

    private static String normaliseLoose(String s) {
        if (s == null) {
            return "";
        }
        return String.join(" ", words(s));
    }

    /**
     * The sentence of {@code body} around [start, end): from the previous sentence end to the next one. A line break
     * ends a sentence only where a paragraph ends (a blank line or an indented next line): hard-wrapped wire copy
     * breaks lines inside sentences.
     */
    public static int[] sentenceAround(String body, int start, int end) {
        if (body == null || body.isEmpty()) {
            return new int[] {0, 0};
        }
        start = Math.max(0, Math.min(start, body.length()));
        end = Math.max(start, Math.min(end, body.length()));
        int s = start;
        while (s > 0) {
            char c = body.charAt(s - 1);
            if ((c == '\n' && paragraphBreak(body, s - 1)) || ((c == '.' || c == '?' || c == '!') && s < body.length()
                    && Character.isWhitespace(body.charAt(s)) && !abbreviationBefore(body, s - 1))) {
                break;
            }
            s--;
        }
        int e = end;
        while (e < body.length()) {
            char c = body.charAt(e);
            if (c == '\n' && paragraphBreak(body, e)) {
                break;
            }
            if ((c == '.' || c == '?' || c == '!') && (e + 1 >= body.length() || Character.isWhitespace(body.charAt(e + 1)))
                    && !abbreviationBefore(body, e)) {
                e++;
                if (e < body.length() && (body.charAt(e) == '”' || body.charAt(e) == '"')) {
                    e++;
                }
                break;
            }
            e++;
        }
        while (s < e && Character.isWhitespace(body.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(body.charAt(e - 1))) {
            e--;
        }
        return new int[] {s, e};
    }

    /** The line break at {@code nl} ends a paragraph: a blank line or an indented line follows. */
    private static boolean paragraphBreak(String body, int nl) {
        int i = nl + 1;
        if (i >= body.length()) {
            return true;
        }
        char next = body.charAt(i);
        if (next == '\n' || next == '\r' || next == '\t') {
            return true;
        }
        return next == ' ' && i + 1 < body.length() && Character.isWhitespace(body.charAt(i + 1));
    }

    private static boolean abbreviationBefore(String body, int dot) {
        // "U.S." / "Mr." style: a single letter or a short capitalised token right before the dot.
        int i = dot - 1;
        while (i >= 0 && Character.isLetter(body.charAt(i))) {
            i--;
        }
        String token = body.substring(i + 1, dot);
        if (token.length() == 1 && Character.isUpperCase(token.charAt(0))) {
            return true;
        }
        return List.of("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov").contains(token);
    }

    /**
     * Text as shown to a reader: every run of whitespace (the line breaks of hard-wrapped wire copy included) is one
     * space, and the ends are trimmed. Null stays null.
     */
    public static String display(String s) {
        if (s == null) {
            return null;
        }
        return WHITESPACE.matcher(s).replaceAll(" ").strip();
    }

    /** Upper-cases the first letter. */
    public static String capitalize(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Trims whitespace and trailing sentence punctuation (so a clause can be embedded before a citation). */
    public static String clause(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        while (!t.isEmpty() && ".,;:".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
