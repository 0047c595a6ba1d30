package org.claimwire.ingest.normalise.text;

import java.text.Normalizer;

/**
 * Turns strings from the outside into text that is safe to publish: valid UTF-16, NFC, no control
 * characters except tab and newline, no unpaired surrogates or non-characters. (Bytes become strings in
 * {@code formats.Utf8Text}.)
 */
public final class TextSanitiser {
    private TextSanitiser() {
    }

    /**
     * Cleans a string: NFC, CRLF/CR to LF, control characters (C0 but tab/LF, DEL, C1), unpaired
     * surrogates, non-characters and zero-width format characters other than ZWJ/ZWNJ removed;
     * no-break and other odd spaces become a plain space. Returns null for null.
     */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        if (isPlain(s)) {
            return s; // printable ASCII, tab and LF only: nothing to remove, and NFC of ASCII is itself
        }
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(i + 1));
                    if ((cp & 0xFFFE) != 0xFFFE) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                }
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                continue;
            }
            if (c == '\n' || c == '\t' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append(c == '\t' ? '\t' : '\n');
                continue;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF'
                    || (c >= '\uFDD0' && c <= '\uFDEF')) {
                continue;
            }
            if (c == '\u00A0' || c == '\u2007' || c == '\u202F' || (c >= '\u2000' && c <= '\u200A')
                    || c == '\u3000') {
                out.append(' ');
                continue;
            }
            if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append('\n');
                continue;
            }
            if (c == '\u200B' || c == '\uFEFF' || c == '\u2060' || c == '\u00AD'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                continue;
            }
            out.append(c);
        }
        String r = out.toString();
        return Normalizer.isNormalized(r, Normalizer.Form.NFC) ? r : Normalizer.normalize(r, Normalizer.Form.NFC);
    }

    /** Printable ASCII plus tab and LF: {@link #clean} leaves such a string as it is. */
    static boolean isPlain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** What {@code \\s} matches in a Java regex without UNICODE_CHARACTER_CLASS. */
    private static boolean regexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@link #clean} plus whitespace collapsed to single spaces and trimmed; for one-line fields. */
    public static String cleanLine(String s) {
        String c = clean(s);
        if (c == null) {
            return null;
        }
        // one pass: runs of \s become one space (as SPACES.replaceAll(" ")), then String.trim()
        StringBuilder out = new StringBuilder(c.length());
        boolean space = false;
        for (int i = 0, n = c.length(); i < n; i++) {
            char ch = c.charAt(i);
            if (regexSpace(ch)) {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(ch);
        }
        if (space) {
            out.append(' ');
        }
        String r = trim(out);
        return r.isEmpty() ? null : r;
    }

    private static String trim(CharSequence sb) {
        int a = 0;
        int b = sb.length();
        while (a < b && sb.charAt(a) <= ' ') {
            a++;
        }
        while (b > a && sb.charAt(b - 1) <= ' ') {
            b--;
        }
        return sb.subSequence(a, b).toString();
    }

    /** {@link #clean} plus per-line whitespace collapsing and blank lines removed; for bodies. */
    public static String cleanBlock(String s) {
        String c = clean(s);
        if (c == null) {
            return null;
        }
        // one pass, per line: runs of space/tab become one space (as HSPACES.replaceAll(" ")), then
        // String.trim(); empty lines dropped; lines joined with LF
        StringBuilder out = new StringBuilder(c.length());
        StringBuilder line = new StringBuilder(128);
        boolean run = false;
        int n = c.length();
        for (int i = 0; i <= n; i++) {
            char ch = i < n ? c.charAt(i) : '\n';
            if (ch == '\n') {
                String t = trim(line);
                if (!t.isEmpty()) {
                    if (out.length() > 0) {
                        out.append('\n');
                    }
                    out.append(t);
                }
                line.setLength(0);
                run = false;
            } else if (ch == ' ' || ch == '\t') {
                if (!run) {
                    line.append(' ');
                    run = true;
                }
            } else {
                line.append(ch);
                run = false;
            }
        }
        return out.toString();
    }
}
