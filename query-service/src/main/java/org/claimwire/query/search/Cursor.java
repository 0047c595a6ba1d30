package org.claimwire.query.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.claimwire.events.TimeRange;

/**
 * Opaque pagination cursors. A cursor is the position after the last item of a page, e.g. (versionCreated, id)
 * for a newest-first list or an offset for a ranked one, tagged with the list it belongs to so that a cursor
 * of one list is rejected by another. Encoded as URL-safe base64 without padding; clients must not parse it.
 */
public record Cursor(String kind, List<String> values) {
    private static final String VERSION = "c1";

    public Cursor {
        values = List.copyOf(values);
    }

    public static Cursor of(String kind, Object... values) {
        List<String> v = new ArrayList<>();
        for (Object o : values) {
            v.add(String.valueOf(o));
        }
        return new Cursor(kind, v);
    }

    public String encode() {
        StringBuilder sb = new StringBuilder(VERSION).append('|').append(escape(kind));
        for (String v : values) {
            sb.append('|').append(escape(v));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor of the given kind with the given number of values.
     *
     * @throws InvalidCursorException when the text is not such a cursor
     */
    public static Cursor decode(String text, String kind, int arity) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("cursor is not valid");
        }
        List<String> parts = split(raw);
        if (parts.size() != arity + 2 || !VERSION.equals(parts.get(0)) || !kind.equals(parts.get(1))) {
            throw new InvalidCursorException("cursor does not belong to this list");
        }
        return new Cursor(kind, parts.subList(2, parts.size()));
    }

    public String value(int i) {
        return values.get(i);
    }

    /** A non-negative number from the cursor (ids and offsets; a forged negative one is refused). */
    public long longValue(int i) {
        long v;
        try {
            v = Long.parseLong(values.get(i));
        } catch (NumberFormatException e) {
            throw new InvalidCursorException("cursor is not valid");
        }
        if (v < 0) {
            throw new InvalidCursorException("cursor is not valid");
        }
        return v;
    }

    /** An offset into a ranked list. */
    public int offsetValue(int i) {
        long v = longValue(i);
        if (v > Integer.MAX_VALUE) {
            throw new InvalidCursorException("cursor is not valid");
        }
        return (int) v;
    }

    /** A time from the cursor; a forged one outside {@link TimeRange} is refused like any invalid cursor. */
    public java.time.Instant instantValue(int i) {
        java.time.Instant t;
        try {
            t = java.time.Instant.parse(values.get(i));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidCursorException("cursor is not valid");
        }
        if (!TimeRange.contains(t)) {
            throw new InvalidCursorException("cursor is not valid");
        }
        return t;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\p");
    }

    private static List<String> split(String raw) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char n = raw.charAt(++i);
                cur.append(n == 'p' ? '|' : n);
            } else if (c == '|') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    /** A cursor that was tampered with, expired with a schema change, or belongs to another list. */
    public static class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException(String message) {
            super(message);
        }
    }
}
