package org.claimwire.ingest.normalise;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 over the normalised headline and body: NFKC, lower case, typographic quotes and dashes
 * folded, whitespace collapsed. Two copies that differ only in those respects hash the same.
 */
public final class ContentHash {
    private ContentHash() {
    }

    public static String of(String headline, String body) {
        String text = normalise(headline) + "\n" + normalise(body);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isAscii(String s) {
        for (int i = 0, len = s.length(); i < len; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        // NFKC leaves ASCII as it is: skip the normaliser for plain ASCII text (most wire copy), and lower-case
        // it in the same pass
        boolean ascii = isAscii(s);
        String n = ascii ? s : Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (ascii) {
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                } else if (c == '`') {
                    c = '\'';
                }
            } else {
                switch (c) {
                    case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`' -> c = '\'';
                    case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> c = '"';
                    case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> c = '-';
                    default -> {
                    }
                }
            }
            if (Character.isWhitespace(c)) {
                if (!space && out.length() > 0) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString();
    }
}
