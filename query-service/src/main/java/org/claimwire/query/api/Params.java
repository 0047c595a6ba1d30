package org.claimwire.query.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.claimwire.events.TimeRange;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.persistence.QueryRepository;
import org.claimwire.query.search.EntityArg;
import org.claimwire.query.search.Times;

/** Parsing and checking of query parameters, with 400 problems that say what is wrong. */
final class Params {
    private Params() {
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * Numeric parameters arrive as text and are parsed here, so {@code limit=abc} is a 400 problem naming the
     * parameter (JAX-RS would answer a failed conversion with 404).
     */
    static Integer integer(String name, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestProblem(name + " must be a whole number");
        }
    }

    static Long longValue(String name, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestProblem(name + " must be a whole number");
        }
    }

    static int limit(String limit, QueryConfig config) {
        Integer n = integer("limit", limit);
        if (n == null) {
            return config.api().defaultLimit();
        }
        if (n < 1 || n > config.api().maxLimit()) {
            throw new BadRequestProblem("limit must be between 1 and " + config.api().maxLimit());
        }
        return n;
    }

    static Instant time(String name, String value) {
        if (text(value) == null) {
            return null;
        }
        Instant t = Times.parseLenient(value);
        if (t == null) {
            throw new BadRequestProblem(name + " must be an ISO-8601 instant or date (e.g. 2025-02-10 or 2025-02-10T08:00:00Z)");
        }
        if (!TimeRange.contains(t)) {
            throw new BadRequestProblem(name + " must be " + TimeRange.describe());
        }
        return t;
    }

    static <E extends Enum<E>> String enumValue(String name, String value, Class<E> type) {
        if (text(value) == null) {
            return null;
        }
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return v;
            }
        }
        throw new BadRequestProblem(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** Entity ids for an id-or-name argument; null when absent, empty when a name matches nothing. */
    static List<Long> entityIds(String value, QueryRepository repo) {
        EntityArg arg = EntityArg.parse(value);
        if (arg == null) {
            return null;
        }
        return arg.id() != null ? List.of(arg.id()) : repo.entityIdsByName(arg.name());
    }
}
