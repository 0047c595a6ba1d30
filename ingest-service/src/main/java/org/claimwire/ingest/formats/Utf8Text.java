package org.claimwire.ingest.formats;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes input bytes as UTF-8 text. Invalid UTF-8 is repaired: bytes with no valid multi-byte UTF-8
 * sequence at all are read as windows-1252 (the usual legacy mislabelling); otherwise each malformed
 * sequence becomes U+FFFD. Text where more than {@value #MAX_REPLACEMENT_RATIO_PERCENT}% of the characters
 * had to be replaced is refused ({@code 422}): that is binary, not a story.
 */
public final class Utf8Text {
    static final int MAX_REPLACEMENT_RATIO_PERCENT = 2;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Utf8Text() {
    }

    /** {@link #decodeUtf8(byte[])} of {@code len} bytes from {@code off}; plain ASCII is copied as is. */
    public static String decodeUtf8(byte[] bytes, int off, int len) {
        boolean ascii = true;
        for (int i = off, end = off + len; i < end; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        return decodeUtf8(off == 0 && len == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, off, off + len));
    }

    /** Decodes UTF-8 bytes, repairing or refusing invalid input (see class doc). */
    public static String decodeUtf8(byte[] bytes) {
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in).toString();
        } catch (CharacterCodingException e) {
            // fall through to repair
        }
        if (!containsValidMultibyteUtf8(bytes, start)) {
            return new String(bytes, start, bytes.length - start, WINDOWS_1252);
        }
        CharBuffer repaired;
        try {
            repaired = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException(impossible);
        }
        String s = repaired.toString();
        long replaced = s.chars().filter(c -> c == '\uFFFD').count();
        if (replaced * 100 > (long) Math.max(1, s.length()) * MAX_REPLACEMENT_RATIO_PERCENT) {
            throw RejectedInput.notAStory("input is not UTF-8 text: " + replaced + " of " + s.length()
                    + " characters are invalid byte sequences");
        }
        return s;
    }

    public static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static boolean containsValidMultibyteUtf8(byte[] b, int start) {
        for (int i = start; i < b.length; i++) {
            int c = b[i] & 0xFF;
            int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? (c <= 0xEF ? 3 : 0) : c >= 0xC2 && c <= 0xDF ? 2 : 0;
            if (len == 0 || i + len > b.length) {
                continue;
            }
            boolean ok = true;
            for (int k = 1; k < len; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }
}
