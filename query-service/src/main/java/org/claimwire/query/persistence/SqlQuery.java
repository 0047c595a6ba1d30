package org.claimwire.query.persistence;

import java.util.ArrayList;
import java.util.List;

/** A SQL text with its positional ({@code ?}) parameters, built clause by clause. Plain Java, no JDBC. */
public final class SqlQuery {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private boolean whereOpen;

    public SqlQuery append(String text, Object... values) {
        sql.append(text);
        params.addAll(java.util.Arrays.asList(values));
        return this;
    }

    /** Adds {@code WHERE clause} the first time, {@code AND clause} after. */
    public SqlQuery and(String clause, Object... values) {
        sql.append(whereOpen ? "\n  AND " : "\nWHERE ").append(clause);
        whereOpen = true;
        params.addAll(java.util.Arrays.asList(values));
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public List<Object> params() {
        return java.util.Collections.unmodifiableList(new ArrayList<>(params));
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
