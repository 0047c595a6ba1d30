package org.claimwire.query.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Time parsing for filters ({@code from}/{@code to}) and for a claim's normalised time. */
public final class Times {
    private Times() {
    }

    /**
     * Parses an ISO instant ("2025-02-10T08:00:00Z"), offset date-time, date ("2025-02-10", start of day UTC)
     * or month ("2025-02"); null when it is none of these.
     */
    public static Instant parseLenient(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return YearMonth.parse(t).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** When a claim was made: its normalised time if that is a date, else the story's version time. */
    public static Instant saidAt(String normalized, Instant storyTime) {
        Instant t = parseLenient(normalized);
        return t != null ? t : storyTime;
    }
}
