package org.claimwire.ingest.formats;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an NDJSON batch into its ninjs documents. Lines are split on the byte 0x0A (never part of a
 * multi-byte UTF-8 sequence) and decoded one by one, so one line of broken bytes is repaired or refused on
 * its own and never spoils the others. Blank lines are skipped but counted, so line numbers match the
 * sender's file.
 */
public final class NdjsonReader {
    /** One non-blank line: its 1-based number and the parsed draft, or why it was refused. */
    public record Line(int number, StoryDraft draft, RejectedInput refused) {
        public boolean ok() {
            return refused == null;
        }
    }

    private NdjsonReader() {
    }

    /**
     * Counts the non-blank lines of a batch as its bytes arrive and refuses (413) the line one over the cap, so a
     * body of a million tiny lines is refused after its first {@code maxLines + 1} lines, before anything is
     * parsed or stored, and nobody is sent a reply the size of a book.
     */
    public static final class LineCap {
        private final int maxLines;
        private int lines;
        private boolean inLine; // a non-blank byte seen since the last 0x0A

        public LineCap(int maxLines) {
            this.maxLines = maxLines;
        }

        public void accept(byte[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                int b = buf[i] & 0xFF;
                if (b == '\n') {
                    inLine = false;
                } else if (!inLine && b > ' ') {
                    inLine = true;
                    if (++lines > maxLines) {
                        throw new RejectedInput(RejectedInput.Kind.TOO_LARGE, "the batch has more than " + maxLines
                                + " lines; send at most " + maxLines + " stories per batch (nothing was taken)");
                    }
                }
            }
        }
    }

    /** The non-blank lines of {@code bytes}; a line longer than {@code maxLineBytes} is refused (413). */
    public static List<Line> read(byte[] bytes, int maxLineBytes) {
        List<Line> lines = new ArrayList<>();
        int lineNo = 0;
        int len = bytes.length;
        int start = Utf8Text.hasUtf8Bom(bytes) ? 3 : 0;
        while (start < len) {
            int end = start;
            while (end < len && bytes[end] != '\n') {
                end++;
            }
            int from = start;
            int to = end;
            start = end + 1;
            lineNo++;
            while (from < to && (bytes[from] & 0xFF) <= ' ') { // String.trim(), on bytes
                from++;
            }
            while (to > from && (bytes[to - 1] & 0xFF) <= ' ') {
                to--;
            }
            if (from == to) {
                continue;
            }
            try {
                if (to - from > maxLineBytes) {
                    throw new RejectedInput(RejectedInput.Kind.TOO_LARGE, "line is larger than " + maxLineBytes
                            + " bytes");
                }
                lines.add(new Line(lineNo, NinjsParser.parse(Utf8Text.decodeUtf8(bytes, from, to - from)), null));
            } catch (RejectedInput e) {
                lines.add(new Line(lineNo, null, e));
            }
        }
        return lines;
    }
}
