package org.claimwire.query.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimwire.events.Enrichment.EntityType;
import org.claimwire.query.resolution.Candidate;
import org.claimwire.query.resolution.EntityDirectory;

/** {@link EntityDirectory} over the query schema, inside the storing transaction (sees its own writes). */
final class JdbcEntityDirectory implements EntityDirectory {
    private final Connection c;

    JdbcEntityDirectory(Connection c) {
        this.c = c;
    }

    @Override
    public List<Candidate> byName(String nameKey, EntityType type) {
        return query("""
                SELECT e.id, e.canonical_name, e.type, e.surname, e.surname_only FROM query.entities e
                WHERE e.type = ? AND e.id IN (SELECT a.entity_id FROM query.entity_aliases a WHERE a.kind = 'NAME' AND a.name_norm = ?)
                ORDER BY e.mention_count DESC, e.id""", List.of(type.name(), nameKey));
    }

    @Override
    public List<Candidate> bySurname(String surname) {
        return query("""
                SELECT e.id, e.canonical_name, e.type, e.surname, e.surname_only FROM query.entities e
                WHERE e.type = 'PERSON' AND e.surname = ? ORDER BY e.mention_count DESC, e.id""", List.of(surname));
    }

    private List<Candidate> query(String sql, List<Object> params) {
        try {
            return Jdbc.list(c, sql, params, rs -> {
                long id = rs.getLong("id");
                Set<String> names = new HashSet<>();
                Set<String> titles = new HashSet<>();
                for (String[] a : Jdbc.list(c, "SELECT kind, name_norm FROM query.entity_aliases WHERE entity_id = ?", List.of(id),
                        r -> new String[] {r.getString(1), r.getString(2)})) {
                    (a[0].equals("TITLE") ? titles : names).add(a[1]);
                }
                return new Candidate(id, rs.getString("canonical_name"), EntityType.valueOf(rs.getString("type")),
                        rs.getString("surname"), rs.getBoolean("surname_only"), names, titles);
            });
        } catch (SQLException e) {
            throw new StoreException("entity look-up failed: " + e.getMessage(), e);
        }
    }
}
