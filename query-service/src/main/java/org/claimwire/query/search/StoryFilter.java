package org.claimwire.query.search;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/stories} filters; {@code entityIds} empty (a name that matches nothing) yields nothing. */
public record StoryFilter(String q, List<Long> entityIds, String source, String language, Instant from, Instant to) {

    public static final String CURSOR_KIND = "stories";

    /** Visible (current, usable) versions, newest first by (versionCreated, version row id). */
    public SqlQuery toSql(Cursor cursor, int limit) {
        SqlQuery s = new SqlQuery().append("""
                SELECT v.id AS version_id, v.story_id, s.uri, v.version, v.pub_status, v.language, v.headline, v.byline,
                       v.source, v.feed_id, v.url, v.located, v.version_created, v.first_created,
                       left(v.body, 280) AS excerpt
                FROM query.story_versions v
                JOIN query.stories s ON s.id = v.story_id""");
        s.and("v.visible");
        if (q != null) { // the vectors of visible versions live in story_search (migration V6)
            s.and("v.id IN (SELECT ss.id FROM query.story_search ss WHERE ss.tsv @@ websearch_to_tsquery('english', ?))",
                    Lemmas.rewrite(q));
        }
        if (entityIds != null) {
            s.and("EXISTS (SELECT 1 FROM query.story_entities se WHERE se.story_version_id = v.id AND se.entity_id = ANY(?))",
                    (Object) entityIds.toArray(new Long[0]));
        }
        if (source != null) {
            s.and("(lower(v.source) = lower(?) OR v.feed_id = ?)", source, source);
        }
        if (language != null) {
            s.and("v.language = ?", language);
        }
        if (from != null) {
            s.and("v.version_created >= ?", from);
        }
        if (to != null) {
            s.and("v.version_created < ?", to);
        }
        if (cursor != null) {
            s.and("(v.version_created, v.id) < (?, ?)", cursor.instantValue(0), cursor.longValue(1));
        }
        return s.append("\nORDER BY v.version_created DESC, v.id DESC LIMIT ?", limit + 1);
    }
}
