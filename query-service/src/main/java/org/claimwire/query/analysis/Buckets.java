package org.claimwire.query.analysis;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Time buckets of a stance-over-time series (UTC; weeks start on Monday, as PostgreSQL's {@code date_trunc}), and
 * the series itself: every bucket from the first to the last with a claim, empty ones included, each with a count
 * for every stance. Plain Java.
 */
public enum Buckets {
    DAY, WEEK, MONTH;

    /** At most this many buckets are filled in; a longer span lists only the buckets that have claims. */
    static final int MAX_FILLED = 5_000;

    /** The name PostgreSQL's {@code date_trunc} takes. */
    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Instant start(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        return switch (this) {
            case DAY -> z.toInstant();
            case WEEK -> z.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
            case MONTH -> z.withDayOfMonth(1).toInstant();
        };
    }

    public Instant next(Instant start) {
        ZonedDateTime z = start.atZone(ZoneOffset.UTC);
        return switch (this) {
            case DAY -> z.plusDays(1).toInstant();
            case WEEK -> z.plusWeeks(1).toInstant();
            case MONTH -> z.plusMonths(1).toInstant();
        };
    }

    /** One bucket: its start and a count per stance. */
    public record Point(Instant start, Map<String, Long> counts) {
    }

    /** One row of the grouped query: bucket start, stance (null = UNCLASSIFIED), count. */
    public record Count(Instant start, String stance, long n) {
    }

    /** The series of {@code rows}, every bucket between the first and the last, every stance of {@code stances}. */
    public List<Point> series(List<Count> rows, List<String> stances) {
        NavigableMap<Instant, Map<String, Long>> byStart = new TreeMap<>();
        for (Count r : rows) {
            Map<String, Long> counts = byStart.computeIfAbsent(start(r.start()), k -> zeros(stances));
            counts.merge(r.stance() == null ? "UNCLASSIFIED" : r.stance(), r.n(), Long::sum);
        }
        List<Point> out = new ArrayList<>();
        if (byStart.isEmpty()) {
            return out;
        }
        boolean fill = span(byStart.firstKey(), byStart.lastKey()) <= MAX_FILLED;
        Instant t = byStart.firstKey();
        while (t != null && !t.isAfter(byStart.lastKey())) {
            Map<String, Long> counts = byStart.get(t);
            if (counts != null || fill) {
                out.add(new Point(t, counts != null ? counts : zeros(stances)));
            }
            t = fill ? next(t) : byStart.higherKey(t);
        }
        return out;
    }

    private long span(Instant first, Instant last) {
        return switch (this) {
            case DAY -> ChronoUnit.DAYS.between(first, last);
            case WEEK -> ChronoUnit.WEEKS.between(first.atZone(ZoneOffset.UTC), last.atZone(ZoneOffset.UTC));
            case MONTH -> ChronoUnit.MONTHS.between(first.atZone(ZoneOffset.UTC), last.atZone(ZoneOffset.UTC));
        };
    }

    private static Map<String, Long> zeros(List<String> stances) {
        Map<String, Long> m = new LinkedHashMap<>();
        stances.forEach(s -> m.put(s, 0L));
        return m;
    }
}
