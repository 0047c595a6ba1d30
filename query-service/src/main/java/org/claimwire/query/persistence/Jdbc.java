package org.claimwire.query.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The JDBC helpers of every store class: a connection per unit of work with one error mapping (any
 * {@link SQLException} becomes a {@link StoreException}, answered as a 503 problem by the API and retried by the
 * consumer), parameter binding (Instant, Long[], String[]) and row mapping.
 */
final class Jdbc {
    private Jdbc() {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on a connection of {@code ds}; a database failure becomes a {@link StoreException}. */
    static <T> T read(DataSource ds, String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** {@link #list} on a connection of its own. */
    static <T> List<T> list(DataSource ds, String what, String sql, List<Object> params, RowMapper<T> mapper) {
        return read(ds, what, c -> list(c, sql, params, mapper));
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(c, ps, params);
        return ps;
    }

    static void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            int idx = i + 1;
            if (p instanceof Instant t) {
                ps.setTimestamp(idx, Timestamp.from(t));
            } else if (p instanceof Long[] a) {
                ps.setArray(idx, c.createArrayOf("bigint", a));
            } else if (p instanceof String[] a) {
                ps.setArray(idx, c.createArrayOf("text", a));
            } else {
                ps.setObject(idx, p);
            }
        }
    }

    static <T> List<T> list(Connection c, String sql, List<Object> params, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    static <T> T one(Connection c, String sql, List<Object> params, RowMapper<T> mapper) throws SQLException {
        List<T> l = list(c, sql, params, mapper);
        return l.isEmpty() ? null : l.get(0);
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, java.util.Arrays.asList(params))) {
            return ps.executeUpdate();
        }
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    static int intOr(ResultSet rs, String col, int dflt) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? dflt : v;
    }

    static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    static List<Long> longs(ResultSet rs, String col) throws SQLException {
        Array a = rs.getArray(col);
        if (a == null) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add(((Number) o).longValue());
        }
        return out;
    }

    static List<String> strings(ResultSet rs, String col) throws SQLException {
        Array a = rs.getArray(col);
        if (a == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add((String) o);
        }
        return out;
    }
}
