package org.claimwire.query.search;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/claims} filters after entity names were resolved to ids. A list of ids that is empty
 * (a name that matches nothing) yields no claims; null means "no filter".
 */
public record ClaimFilter(List<Long> speakerIds, List<Long> aboutIds, String stance, String mode,
                          List<Long> recipientIds, String recipientText, String q, Instant from, Instant to,
                          Long storyVersionId, String kind, String source, String language) {

    /** Without the kind, source and language filters. */
    public ClaimFilter(List<Long> speakerIds, List<Long> aboutIds, String stance, String mode, List<Long> recipientIds,
                       String recipientText, String q, Instant from, Instant to, Long storyVersionId) {
        this(speakerIds, aboutIds, stance, mode, recipientIds, recipientText, q, from, to, storyVersionId, null, null, null);
    }

    public static final String CURSOR_KIND = "claims";

    /**
     * Builds the page query: newest first by (said_at, id), keyset after {@code cursor} (may be null), one row more
     * than {@code limit} (an export passes Integer.MAX_VALUE - 1).
     */
    public SqlQuery toSql(Cursor cursor, int limit) {
        // the page is chosen from claims alone (an index walk that stops after the page), then joined
        SqlQuery s = new SqlQuery().append("""
                SELECT c.id, c.story_id, c.story_version_id, c.local_id, c.speaker_entity_id, c.speaker_text,
                       c.recipient_entity_id, c.recipient_text, c.cue_text, c.cue_lemma, c.content, c.content_start,
                       c.content_end, c.mode, c.stance, c.kind, c.time_text, c.time_normalized, c.said_at,
                       c.check_worthiness, c.confidence, s.uri, v.version, v.headline, v.source, v.language,
                       sp.canonical_name AS speaker_name, rc.canonical_name AS recipient_name,
                       (SELECT array_agg(a.entity_id ORDER BY a.entity_id) FROM query.claim_about a WHERE a.claim_id = c.id) AS about_ids
                FROM (SELECT c.* FROM\s""");
        // one "about" entity and no other entity filter: walk claim_about's (entity, said_at, id) index in order
        boolean aboutDriven = aboutIds != null && aboutIds.size() == 1 && speakerIds == null && recipientIds == null
                && recipientText == null && storyVersionId == null;
        String time = aboutDriven ? "a.said_at" : "c.said_at";
        String id = aboutDriven ? "a.claim_id" : "c.id";
        if (aboutDriven) {
            s.append("query.claim_about a JOIN query.claims c ON c.id = a.claim_id");
            s.and("a.entity_id = ?", aboutIds.get(0));
            s.and("a.visible");
        } else {
            s.append("query.claims c");
        }
        if (storyVersionId != null) {
            s.and("c.story_version_id = ?", storyVersionId);
        } else {
            s.and("c.visible");
        }
        if (speakerIds != null) {
            idFilter(s, "c.speaker_entity_id", speakerIds);
        }
        if (aboutIds != null && !aboutDriven) {
            if (aboutIds.size() == 1) {
                s.and("EXISTS (SELECT 1 FROM query.claim_about a WHERE a.claim_id = c.id AND a.entity_id = ?)", aboutIds.get(0));
            } else {
                s.and("EXISTS (SELECT 1 FROM query.claim_about a WHERE a.claim_id = c.id AND a.entity_id = ANY(?))", ids(aboutIds));
            }
        }
        if (stance != null) {
            s.and("c.stance = ?", stance);
        }
        if (mode != null) {
            s.and("c.mode = ?", mode);
        }
        if (kind != null) {
            s.and("c.kind = ?", kind);
        }
        if (source != null || language != null) {
            // the story's provider or feed id, and its language, as GET /stories?source=&language= match them
            StringBuilder story = new StringBuilder("EXISTS (SELECT 1 FROM query.story_versions sv WHERE sv.id = c.story_version_id");
            List<Object> values = new java.util.ArrayList<>();
            if (source != null) {
                story.append(" AND (lower(sv.source) = lower(?) OR sv.feed_id = ?)");
                values.add(source);
                values.add(source);
            }
            if (language != null) {
                story.append(" AND sv.language = ?");
                values.add(language);
            }
            s.and(story.append(")").toString(), values.toArray());
        }
        if (recipientIds != null || recipientText != null) {
            if (recipientText != null && recipientText.length() >= 3) {
                s.and("(c.recipient_entity_id = ANY(?) OR c.recipient_text ILIKE ?)",
                        ids(recipientIds == null ? List.of() : recipientIds), "%" + likeEscape(recipientText) + "%");
            } else {
                idFilter(s, "c.recipient_entity_id", recipientIds == null ? List.of() : recipientIds);
            }
        }
        if (q != null) {
            s.and("c.tsv @@ websearch_to_tsquery('english', ?)", Lemmas.rewrite(q));
        }
        if (from != null) {
            s.and(time + " >= ?", from);
        }
        if (to != null) {
            s.and(time + " < ?", to);
        }
        if (cursor != null) {
            s.and("(" + time + ", " + id + ") < (?, ?)", cursor.instantValue(0), cursor.longValue(1));
        }
        return s.append("\nORDER BY " + time + " DESC, " + id + " DESC LIMIT ?) c", limit + 1).append("""

                JOIN query.story_versions v ON v.id = c.story_version_id
                JOIN query.stories s ON s.id = c.story_id
                LEFT JOIN query.entities sp ON sp.id = c.speaker_entity_id
                LEFT JOIN query.entities rc ON rc.id = c.recipient_entity_id
                ORDER BY c.said_at DESC, c.id DESC""");
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
