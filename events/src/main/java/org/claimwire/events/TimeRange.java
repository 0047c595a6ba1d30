package org.claimwire.events;

import java.time.Instant;

/**
 * The times Claimwire accepts anywhere (story dates at ingest, query parameters, cursors): years 1800 to 2200.
 * Outside it a date is a typo or an attack (year 300000 stalled a consumer once), and it is refused with 400
 * where it enters, so it never reaches a database or a consumer.
 */
public final class TimeRange {
    public static final int FIRST_YEAR = 1800;
    public static final int LAST_YEAR = 2200;
    public static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
    /** Exclusive: the first instant of 2201. */
    public static final Instant END = Instant.parse("2201-01-01T00:00:00Z");

    private TimeRange() {
    }

    public static boolean contains(Instant t) {
        return t != null && !t.isBefore(EARLIEST) && t.isBefore(END);
    }

    /** The phrase for error messages. */
    public static String describe() {
        return "between the years " + FIRST_YEAR + " and " + LAST_YEAR;
    }
}
