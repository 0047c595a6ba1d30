package org.claimwire.nlp.doc;

/**
 * The one text normaliser of nlp-service for everything it shows: entity names, titles, speaker and
 * cue text, content text. Hard-wrapped wire copy puts line breaks inside names ("Paul\nVolcker"); any
 * run of whitespace (including non-breaking and zero-width spaces) becomes one space, ends are trimmed.
 * Offsets are never computed from normalised text: they always index the original body.
 */
public final class DisplayText {
    private DisplayText() {
    }

    public static String normalise(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        int n = s.length();
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
            if (sb == null) {
                // fast path: already normal so far (no leading space, single plain spaces)
                if (!space || (c == ' ' && i > 0 && i + 1 < n && s.charAt(i - 1) != ' '
                        && !isSpace(s.charAt(i + 1)))) {
                    continue;
                }
                sb = new StringBuilder(n);
                sb.append(s, 0, i);
            }
            if (space) {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
