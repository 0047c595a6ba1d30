package org.claimwire.query.persistence;

import java.util.List;
import org.claimwire.query.search.ClaimFilter;
import org.claimwire.query.search.Cursor;
import org.claimwire.query.search.Lemmas;
import org.claimwire.query.search.StoryFilter;

/** The SQL of the story and claim list filters ({@code GET /api/v1/stories}, {@code GET /api/v1/claims}). */
public final class FilterSql {
    private FilterSql() {
    }

    /** Visible (current, usable) versions, newest first by (versionCreated, version row id). */
    static SqlQuery stories(StoryFilter f, Cursor cursor, int limit) {
        SqlQuery s = new SqlQuery().append("""
                SELECT v.id AS version_id, v.story_id, s.uri, v.version, v.pub_status, v.language, v.headline, v.byline,
                       v.source, v.feed_id, v.url, v.located, v.version_created, v.first_created,
                       left(v.body, 280) AS excerpt
                FROM query.story_versions v
                JOIN query.stories s ON s.id = v.story_id""");
        s.and("v.visible");
        if (f.q() != null) { // the vectors of visible versions live in story_search (migration V6)
            s.and("v.id IN (SELECT ss.id FROM query.story_search ss WHERE ss.tsv @@ websearch_to_tsquery('english', ?))",
                    Lemmas.rewrite(f.q()));
        }
        if (f.entityIds() != null) {
            s.and("EXISTS (SELECT 1 FROM query.story_entities se WHERE se.story_version_id = v.id AND se.entity_id = ANY(?))",
                    (Object) f.entityIds().toArray(new Long[0]));
        }
        if (f.source() != null) {
            s.and("(lower(v.source) = lower(?) OR v.feed_id = ?)", f.source(), f.source());
        }
        if (f.language() != null) {
            s.and("v.language = ?", f.language());
        }
        if (f.from() != null) {
            s.and("v.version_created >= ?", f.from());
        }
        if (f.to() != null) {
            s.and("v.version_created < ?", f.to());
        }
        if (cursor != null) {
            s.and("(v.version_created, v.id) < (?, ?)", cursor.instantValue(0), cursor.longValue(1));
        }
        return s.append("\nORDER BY v.version_created DESC, v.id DESC LIMIT ?", limit + 1);
    }

    /** What a listed claim shows (QueryRepository maps it), over claims {@code c}, joined by {@link #CLAIM_JOINS}. */
    static final String CLAIM_COLUMNS = """
            SELECT c.id, c.story_id, c.story_version_id, c.local_id, c.speaker_entity_id, c.speaker_text,
                   c.recipient_entity_id, c.recipient_text, c.cue_text, c.cue_lemma, c.content, c.content_start,
                   c.content_end, c.mode, c.stance, c.kind, c.time_text, c.time_normalized, c.said_at,
                   c.check_worthiness, c.confidence, s.uri, v.version, v.headline, v.source, v.language,
                   sp.canonical_name AS speaker_name, rc.canonical_name AS recipient_name,
                   (SELECT array_agg(a.entity_id ORDER BY a.entity_id) FROM query.claim_about a WHERE a.claim_id = c.id) AS about_ids
            """;

    static final String CLAIM_JOINS = """

            JOIN query.story_versions v ON v.id = c.story_version_id
            JOIN query.stories s ON s.id = c.story_id
            LEFT JOIN query.entities sp ON sp.id = c.speaker_entity_id
            LEFT JOIN query.entities rc ON rc.id = c.recipient_entity_id""";

    /**
     * Builds the page query: newest first by (said_at, id), keyset after {@code cursor} (may be null), one row more
     * than {@code limit} (an export passes Integer.MAX_VALUE - 1).
     */
    static SqlQuery claims(ClaimFilter f, Cursor cursor, int limit) {
        // the page is chosen from claims alone (an index walk that stops after the page), then joined
        SqlQuery s = new SqlQuery().append(CLAIM_COLUMNS).append("FROM (SELECT c.* FROM ");
        // one "about" entity and no other entity filter: walk claim_about's (entity, said_at, id) index in order
        boolean aboutDriven = f.aboutIds() != null && f.aboutIds().size() == 1 && f.speakerIds() == null && f.recipientIds() == null
                && f.recipientText() == null && f.storyVersionId() == null;
        String time = aboutDriven ? "a.said_at" : "c.said_at";
        String id = aboutDriven ? "a.claim_id" : "c.id";
        if (aboutDriven) {
            s.append("query.claim_about a JOIN query.claims c ON c.id = a.claim_id");
            s.and("a.entity_id = ?", f.aboutIds().get(0));
            s.and("a.visible");
        } else {
            s.append("query.claims c");
        }
        if (f.storyVersionId() != null) {
            s.and("c.story_version_id = ?", f.storyVersionId());
        } else {
            s.and("c.visible");
        }
        if (f.speakerIds() != null) {
            idFilter(s, "c.speaker_entity_id", f.speakerIds());
        }
        if (f.aboutIds() != null && !aboutDriven) {
            if (f.aboutIds().size() == 1) {
                s.and("EXISTS (SELECT 1 FROM query.claim_about a WHERE a.claim_id = c.id AND a.entity_id = ?)", f.aboutIds().get(0));
            } else {
                s.and("EXISTS (SELECT 1 FROM query.claim_about a WHERE a.claim_id = c.id AND a.entity_id = ANY(?))", ids(f.aboutIds()));
            }
        }
        if (f.stance() != null) {
            s.and("c.stance = ?", f.stance());
        }
        if (f.mode() != null) {
            s.and("c.mode = ?", f.mode());
        }
        if (f.kind() != null) {
            s.and("c.kind = ?", f.kind());
        }
        if (f.source() != null || f.language() != null) {
            // the story's provider or feed id, and its language, as GET /stories?source=&language= match them
            StringBuilder story = new StringBuilder("EXISTS (SELECT 1 FROM query.story_versions sv WHERE sv.id = c.story_version_id");
            List<Object> values = new java.util.ArrayList<>();
            if (f.source() != null) {
                story.append(" AND (lower(sv.source) = lower(?) OR sv.feed_id = ?)");
                values.add(f.source());
                values.add(f.source());
            }
            if (f.language() != null) {
                story.append(" AND sv.language = ?");
                values.add(f.language());
            }
            s.and(story.append(")").toString(), values.toArray());
        }
        if (f.recipientIds() != null || f.recipientText() != null) {
            if (f.recipientText() != null && f.recipientText().length() >= 3) {
                s.and("(c.recipient_entity_id = ANY(?) OR c.recipient_text ILIKE ?)",
                        ids(f.recipientIds() == null ? List.of() : f.recipientIds()), "%" + likeEscape(f.recipientText()) + "%");
            } else {
                idFilter(s, "c.recipient_entity_id", f.recipientIds() == null ? List.of() : f.recipientIds());
            }
        }
        if (f.q() != null) {
            s.and("c.tsv @@ websearch_to_tsquery('english', ?)", Lemmas.rewrite(f.q()));
        }
        if (f.from() != null) {
            s.and(time + " >= ?", f.from());
        }
        if (f.to() != null) {
            s.and(time + " < ?", f.to());
        }
        if (cursor != null) {
            s.and("(" + time + ", " + id + ") < (?, ?)", cursor.instantValue(0), cursor.longValue(1));
        }
        return s.append("\nORDER BY " + time + " DESC, " + id + " DESC LIMIT ?) c", limit + 1).append(CLAIM_JOINS).append("\nORDER BY c.said_at DESC, c.id DESC");
    }

    /**
     * {@code col = ?} for one id, so the planner sees a single value and walks the (col, said_at DESC, id DESC)
     * index in order, stopping after the page; {@code = ANY(?)} otherwise.
     */
    private static void idFilter(SqlQuery s, String column, List<Long> values) {
        if (values.size() == 1) {
            s.and(column + " = ?", values.get(0));
        } else {
            s.and(column + " = ANY(?)", ids(values));
        }
    }

    /** A Long[] passed as one parameter (not spread as varargs). */
    static Object ids(List<Long> ids) {
        return ids.toArray(new Long[0]);
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
