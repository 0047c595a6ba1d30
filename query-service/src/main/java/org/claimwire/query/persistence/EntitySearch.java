package org.claimwire.query.persistence;

/**
 * {@code GET /api/v1/entities?q=&type=}: prefix (of the name or of any word in it), then fuzzy (trigram word
 * similarity, pg_trgm {@code <%}) matches over every name and title an entity went by; exact before prefix
 * before fuzzy, then by mention count.
 */
public final class EntitySearch {
    public static final String CURSOR_KIND = "entities";

    private EntitySearch() {
    }

    /** @param qNorm the normalised query ({@code Names.normalise}), or null/blank to list by mentions */
    public static SqlQuery toSql(String qNorm, String type, int offset, int limit) {
        SqlQuery s = new SqlQuery();
        if (qNorm == null || qNorm.isBlank()) {
            s.append("SELECT e.id, e.canonical_name, e.type, e.mention_count, e.story_count FROM query.entities e");
            if (type != null) {
                s.and("e.type = ?", type);
            }
            return s.append("\nORDER BY e.mention_count DESC, e.id LIMIT ? OFFSET ?", limit + 1, offset);
        }
        String prefix = FilterSql.likeEscape(qNorm) + "%";
        String wordPrefix = "% " + FilterSql.likeEscape(qNorm) + "%";
        s.append("""
                SELECT e.id, e.canonical_name, e.type, e.mention_count, e.story_count, h.tier
                FROM (SELECT a.entity_id,
                             min(CASE WHEN a.name_norm = ? THEN 0
                                      WHEN a.name_norm LIKE ? OR a.name_norm LIKE ? THEN 1 ELSE 2 END) AS tier
                      FROM query.entity_aliases a
                      WHERE a.name_norm LIKE ? OR a.name_norm LIKE ? OR ? <% a.name_norm
                      GROUP BY a.entity_id) h
                JOIN query.entities e ON e.id = h.entity_id""", qNorm, prefix, wordPrefix, prefix, wordPrefix, qNorm);
        if (type != null) {
            s.and("e.type = ?", type);
        }
        return s.append("\nORDER BY h.tier, e.mention_count DESC, e.id LIMIT ? OFFSET ?", limit + 1, offset);
    }
}
