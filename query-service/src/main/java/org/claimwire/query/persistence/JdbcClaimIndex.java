package org.claimwire.query.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.claimwire.query.ask.ClaimIndex;
import org.claimwire.query.ask.StoredClaim;
import org.claimwire.query.ask.StoredEntity;
import org.claimwire.query.ask.TitleEvidence;
import org.claimwire.query.text.Text;

/**
 * ask's {@link ClaimIndex} over query-service's PostgreSQL schema ({@code query.*}), read-only, the way
 * {@link JdbcEntityDirectory} serves resolution. Every query reads only visible rows (current, usable story
 * versions) and is bounded by a limit; the full-text match uses the stored {@code claims.tsv} (english
 * configuration) and its GIN index. A database failure is a {@link StoreException}, like everywhere else.
 */
@ApplicationScoped
public class JdbcClaimIndex implements ClaimIndex {
    private final DataSource ds;

    @Inject
    public JdbcClaimIndex(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** Over any data source (benchmarks, tests). */
    public JdbcClaimIndex(DataSource ds) {
        this.ds = ds;
    }

    private static final String CLAIM_COLUMNS = """
            SELECT c.id, c.story_id, s.uri, sv.headline, sv.version_created AS published_at, c.said_at,
                   c.speaker_entity_id, se.canonical_name AS speaker_name, se.type AS speaker_type, c.speaker_text,
                   c.cue_text, c.cue_lemma,
                   CASE WHEN c.speaker_end IS NOT NULL AND c.cue_start IS NOT NULL AND c.content_start IS NOT NULL
                             AND c.speaker_end <= c.cue_start AND c.cue_end <= c.content_start
                             AND c.content_start - c.speaker_end BETWEEN 1 AND 150
                        THEN substr(sv.body, c.speaker_end + 1, c.content_start - c.speaker_end) END AS connector,
                   c.content, c.content_start, c.content_end, c.mode, c.stance,
                   c.recipient_entity_id, re.canonical_name AS recipient_name, re.type AS recipient_type,
                   c.recipient_text, c.time_text, c.time_normalized,
                   ARRAY(SELECT a.entity_id FROM query.claim_about a WHERE a.claim_id = c.id) AS about,
                   c.check_worthiness, c.kind
            FROM query.claims c
            JOIN query.story_versions sv ON sv.id = c.story_version_id
            JOIN query.stories s ON s.id = c.story_id
            LEFT JOIN query.entities se ON se.id = c.speaker_entity_id
            LEFT JOIN query.entities re ON re.id = c.recipient_entity_id
            """;

    private static final String ENTITY_COLUMNS = """
            SELECT e.id, e.canonical_name, e.type, e.mention_count,
                   ARRAY(SELECT a.name FROM query.entity_aliases a WHERE a.entity_id = e.id AND a.kind = 'NAME'
                         ORDER BY a.story_count DESC, a.id LIMIT 20) AS aliases,
                   ARRAY(SELECT a.name FROM query.entity_aliases a WHERE a.entity_id = e.id AND a.kind = 'TITLE'
                         ORDER BY a.story_count DESC,
                                  (SELECT max(x.story_id) FROM query.entity_alias_stories x WHERE x.alias_id = a.id) DESC NULLS LAST,
                                  a.id LIMIT 10) AS titles,
                   e.claims_by_count
            FROM query.entities e
            """;

    @Override
    public Map<String, List<StoredEntity>> entitiesByPhrase(Collection<String> phrases) {
        if (phrases.isEmpty()) {
            return Map.of();
        }
        String[] ps = phrases.toArray(new String[0]);
        String sql = """
                SELECT DISTINCT m.entity_id, m.phrase FROM (
                    SELECT e.id AS entity_id, p AS phrase FROM unnest(?::text[]) p
                        JOIN query.entities e ON e.name_norm = p
                    UNION ALL
                    SELECT a.entity_id, p FROM unnest(?::text[]) p
                        JOIN query.entity_aliases a ON a.name_norm = p
                    UNION ALL
                    SELECT e.id, p FROM unnest(?::text[]) p
                        JOIN query.entities e ON e.surname = p AND e.type = 'PERSON' AND position(' ' in p) = 0
                ) m""";
        Map<String, List<Long>> idsByPhrase = new LinkedHashMap<>();
        Set<Long> all = new LinkedHashSet<>();
        run(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 1; i <= 3; i++) {
                    st.setArray(i, c.createArrayOf("text", ps));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        idsByPhrase.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getLong(1));
                        all.add(rs.getLong(1));
                    }
                }
            }
            return null;
        });
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<Long, StoredEntity> entities = entities(all);
        Map<String, List<StoredEntity>> out = new LinkedHashMap<>();
        idsByPhrase.forEach((p, ids) -> out.put(p, ids.stream().map(entities::get).filter(e -> e != null).toList()));
        return out;
    }

    private Map<Long, StoredEntity> entities(Collection<Long> ids) {
        Map<Long, StoredEntity> out = new HashMap<>();
        run(c -> {
            try (PreparedStatement st = c.prepareStatement(ENTITY_COLUMNS + " WHERE e.id = ANY(?)")) {
                st.setArray(1, c.createArrayOf("bigint", ids.toArray(new Long[0])));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        StoredEntity e = entity(rs);
                        out.put(e.id(), e);
                    }
                }
            }
            return null;
        });
        return out;
    }

    @Override
    public StoredEntity entity(long id) {
        return entities(List.of(id)).get(id);
    }

    @Override
    public List<StoredClaim> claimsInvolving(Collection<Long> entityIds, int limit) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        String sql = """
                WITH hits AS (
                    (SELECT id, said_at FROM query.claims WHERE visible AND speaker_entity_id = ANY(?)
                        ORDER BY said_at DESC, id DESC LIMIT ?)
                    UNION
                    (SELECT id, said_at FROM query.claims WHERE visible AND recipient_entity_id = ANY(?)
                        ORDER BY said_at DESC, id DESC LIMIT ?)
                    UNION
                    (SELECT c.id, c.said_at FROM query.claim_about a JOIN query.claims c ON c.id = a.claim_id
                        WHERE a.entity_id = ANY(?) AND c.visible ORDER BY a.claim_id DESC LIMIT ?)
                ), top AS (SELECT id FROM hits ORDER BY said_at DESC, id DESC LIMIT ?)
                """ + CLAIM_COLUMNS + " WHERE c.id IN (SELECT id FROM top) ORDER BY c.said_at DESC, c.id DESC";
        Long[] ids = entityIds.toArray(new Long[0]);
        return claims(sql, ids, limit, ids, limit, ids, limit, limit);
    }

    @Override
    public List<StoredClaim> claimsMatching(Collection<String> wordForms, Collection<Long> entityIds,
            Collection<String> names, int limit) {
        String terms = tsquery(wordForms);
        if (terms.isEmpty()) {
            return List.of();
        }
        String nameQuery = tsquery(names);
        boolean filter = !entityIds.isEmpty() || !nameQuery.isEmpty();
        Long[] ids = entityIds.toArray(new Long[0]);
        String sql = "WITH top AS (SELECT c.id FROM query.claims c WHERE c.visible"
                + " AND c.tsv @@ to_tsquery('english', ?)"
                + (filter ? """
                         AND (c.speaker_entity_id = ANY(?) OR c.recipient_entity_id = ANY(?)
                              OR EXISTS (SELECT 1 FROM query.claim_about a WHERE a.claim_id = c.id AND a.entity_id = ANY(?))
                              OR (? <> '' AND c.tsv @@ to_tsquery('english', ?)))""" : "")
                + " ORDER BY c.said_at DESC, c.id DESC LIMIT ?) "
                + CLAIM_COLUMNS + " WHERE c.id IN (SELECT id FROM top) ORDER BY c.said_at DESC, c.id DESC";
        return filter ? claims(sql, terms, ids, ids, ids, nameQuery, nameQuery.isEmpty() ? "x" : nameQuery, limit)
                : claims(sql, terms, limit);
    }

    @Override
    public List<StoredClaim> claimsOfStories(Collection<Long> storyIds, int limit) {
        if (storyIds.isEmpty()) {
            return List.of();
        }
        String sql = CLAIM_COLUMNS + """
                 WHERE c.visible AND c.story_version_id IN
                     (SELECT v.id FROM query.story_versions v WHERE v.story_id = ANY(?) AND v.visible)
                 ORDER BY c.story_id, c.content_start LIMIT ?""";
        return claims(sql, storyIds.toArray(new Long[0]), limit);
    }

    @Override
    public List<TitleEvidence> titleEvidence(long entityId, String title, int limit) {
        String sql = """
                WITH stories AS (
                    SELECT se.story_version_id FROM query.story_entities se
                    WHERE se.entity_id = ? AND se.visible
                    ORDER BY se.story_version_id DESC LIMIT 50)
                SELECT m.start_offset, m.end_offset, m.text, sv.story_id, s.uri, sv.headline, sv.version_created,
                       greatest(0, m.start_offset - 400) AS win_start,
                       substr(sv.body, greatest(0, m.start_offset - 400) + 1,
                              m.end_offset - greatest(0, m.start_offset - 400) + 400) AS win,
                       (SELECT c.id FROM query.claims c WHERE c.story_version_id = m.story_version_id AND c.visible
                            AND c.speaker_entity_id = m.entity_id AND c.speaker_start <= m.start_offset
                            AND c.speaker_end >= m.end_offset ORDER BY c.id LIMIT 1) AS claim_id
                FROM stories x
                JOIN query.mentions m ON m.story_version_id = x.story_version_id AND m.entity_id = ?
                JOIN query.story_versions sv ON sv.id = m.story_version_id
                JOIN query.stories s ON s.id = sv.story_id
                WHERE position(lower(?) in lower(regexp_replace(substr(sv.body, greatest(0, m.start_offset - 400) + 1,
                          m.end_offset - greatest(0, m.start_offset - 400) + 400), '\\s+', ' ', 'g'))) > 0
                ORDER BY sv.version_created DESC, m.start_offset LIMIT ?""";
        record Row(int start, int end, long storyId, String uri, String headline, Instant published, int winStart,
                String win, Long claimId) {
        }
        List<Row> rows = new ArrayList<>();
        run(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, entityId);
                st.setLong(2, entityId);
                st.setString(3, Text.display(title)); // hard-wrapped copy: the window's whitespace is one space too
                st.setInt(4, limit * 3);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long claim = rs.getLong("claim_id");
                        rows.add(new Row(rs.getInt(1), rs.getInt(2), rs.getLong(4), rs.getString(5), rs.getString(6),
                                Jdbc.instant(rs, "version_created"), rs.getInt("win_start"), rs.getString("win"),
                                rs.wasNull() ? null : claim));
                    }
                }
            }
            return null;
        });
        List<TitleEvidence> out = new ArrayList<>();
        Set<Long> claimIds = new LinkedHashSet<>();
        rows.forEach(r -> {
            if (r.claimId() != null) {
                claimIds.add(r.claimId());
            }
        });
        Map<Long, StoredClaim> claims = new HashMap<>();
        if (!claimIds.isEmpty()) {
            for (StoredClaim sc : claims(CLAIM_COLUMNS + " WHERE c.id = ANY(?)", (Object) claimIds.toArray(new Long[0]))) {
                claims.put(sc.id(), sc);
            }
        }
        Set<String> sentences = new LinkedHashSet<>();
        for (Row r : rows) {
            if (out.size() >= limit || r.win() == null) {
                continue;
            }
            int[] span = Text.sentenceAround(r.win(), r.start() - r.winStart(), r.end() - r.winStart());
            String text = r.win().substring(span[0], span[1]);
            if (!Text.containsPhrase(text, title) || !sentences.add(r.storyId() + ":" + (r.winStart() + span[0]))) {
                continue;
            }
            out.add(new TitleEvidence(title, r.claimId() == null ? null : claims.get(r.claimId()), r.storyId(),
                    r.uri(), r.headline(), r.published(), text, r.winStart() + span[0], r.winStart() + span[1]));
        }
        return out;
    }

    /** The most quoted speakers change slowly: read once a minute (per limit), shared by all requests. */
    private final Map<Integer, Map.Entry<Long, List<StoredEntity>>> speakersCache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Ranked by claims spoken, not by mentions: a name mentioned everywhere but quoted once ("REUTER" at the end of
     * wire copy) suggests little. The counter has no index of its own, hence the cache.
     */
    @Override
    public List<StoredEntity> prominentSpeakers(int limit) {
        long now = System.currentTimeMillis();
        Map.Entry<Long, List<StoredEntity>> hit = speakersCache.get(limit);
        if (hit != null && now - hit.getKey() < DF_TTL_MILLIS) {
            return hit.getValue();
        }
        String sql = ENTITY_COLUMNS + """
                 WHERE e.type IN ('PERSON', 'ORGANIZATION') AND e.claims_by_count > 0 AND EXISTS
                     (SELECT 1 FROM query.claims c WHERE c.speaker_entity_id = e.id AND c.visible)
                 ORDER BY e.claims_by_count DESC, e.mention_count DESC, e.id LIMIT ?""";
        List<StoredEntity> out = new ArrayList<>();
        run(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setInt(1, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(entity(rs));
                    }
                }
            }
            return null;
        });
        // An empty answer is not kept: it means a store that is just filling (the query is cheap then), and a
        // minute of "nobody has spoken" would hide every suggestion from the first questions asked.
        if (!out.isEmpty()) {
            speakersCache.put(limit, Map.entry(now, List.copyOf(out)));
        }
        return out;
    }

    @Override
    public List<StoredClaim> claimsWithStance(Collection<String> stances, Collection<String> wordForms, int limit) {
        if (stances.isEmpty()) {
            return List.of();
        }
        String terms = tsquery(wordForms);
        String sql = "WITH top AS (SELECT c.id FROM query.claims c"
                + (terms.isEmpty() ? "" : " JOIN query.story_versions sv ON sv.id = c.story_version_id")
                + " WHERE c.visible AND c.stance = ANY(?)"
                + (terms.isEmpty() ? "" : " AND (c.tsv @@ to_tsquery('english', ?)"
                        + " OR to_tsvector('english', coalesce(sv.headline, '')) @@ to_tsquery('english', ?))")
                + " ORDER BY c.said_at DESC, c.id DESC LIMIT ?) "
                + CLAIM_COLUMNS + " WHERE c.id IN (SELECT id FROM top) ORDER BY c.said_at DESC, c.id DESC";
        String[] st = stances.toArray(new String[0]);
        return terms.isEmpty() ? claims(sql, st, limit) : claims(sql, st, terms, terms, limit);
    }

    /** Document frequencies change slowly: counted once a minute per word, shared by all requests. */
    private static final long DF_TTL_MILLIS = 60_000;
    private static final int DF_CACHE_MAX = 50_000;
    private final Map<String, long[]> dfCache = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Map<String, Long> documentFrequencies(Collection<String> wordForms) {
        long now = System.currentTimeMillis();
        Map<String, Long> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String f : new LinkedHashSet<>(wordForms)) {
            String key = tsquery(List.of(f));
            if (key.isEmpty()) {
                continue;
            }
            long[] hit = dfCache.get(key);
            if (hit != null && now - hit[1] < DF_TTL_MILLIS) {
                out.put(f, hit[0]);
            } else {
                missing.add(f);
            }
        }
        long[] total = dfCache.get("");
        if (!missing.isEmpty() || total == null || now - total[1] >= DF_TTL_MILLIS) {
            // capped counts: beyond 5,000 matching claims a word carries next to no weight, and the count stays cheap
            String sql = """
                    SELECT f, (SELECT count(*) FROM (SELECT 1 FROM query.claims c WHERE c.visible
                                   AND c.tsv @@ to_tsquery('english', f) LIMIT 5000) x)
                    FROM unnest(?::text[]) f
                    UNION ALL
                    SELECT '', greatest(1, (SELECT reltuples::bigint FROM pg_class WHERE oid = 'query.claims'::regclass),
                                        (SELECT count(*) FROM (SELECT 1 FROM query.claims WHERE visible LIMIT 20000) y))""";
            String[] keys = missing.stream().map(f -> tsquery(List.of(f))).toArray(String[]::new);
            if (dfCache.size() > DF_CACHE_MAX) {
                dfCache.clear();
            }
            for (Object[] row : Jdbc.list(ds, "ask", sql, List.of((Object) keys), rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
                dfCache.put((String) row[0], new long[] {(Long) row[1], now});
            }
            for (String f : missing) {
                long[] hit = dfCache.get(tsquery(List.of(f)));
                out.put(f, hit == null ? 0L : hit[0]);
            }
            total = dfCache.get("");
        }
        out.put("", total == null ? 1L : total[0]);
        return out;
    }

    /** "speak | spoke | talk": lower-case letter-only forms joined for to_tsquery; "" when none is usable. */
    static String tsquery(Collection<String> forms) {
        Set<String> clean = new LinkedHashSet<>();
        for (String f : forms) {
            for (String w : Text.words(f)) {
                String t = w.replaceAll("[^\\p{L}\\p{N}]", "");
                if (t.length() > 1 && t.length() < 40) {
                    clean.add(t);
                }
            }
        }
        return String.join(" | ", clean);
    }

    private <T> T run(Jdbc.Work<T> work) {
        return Jdbc.read(ds, "ask", work);
    }

    private List<StoredClaim> claims(String sql, Object... params) {
        return Jdbc.list(ds, "ask", sql, Arrays.asList(params), JdbcClaimIndex::claim);
    }

    private static StoredClaim claim(ResultSet rs) throws SQLException {
        String connector = rs.getString("connector");
        if (connector != null && StoredClaim.connector(connector, 0, connector.length()) == null) {
            connector = null;
        }
        return new StoredClaim(rs.getLong("id"), rs.getLong("story_id"), rs.getString("uri"),
                rs.getString("headline"), Jdbc.instant(rs, "published_at"), Jdbc.instant(rs, "said_at"),
                Jdbc.longOrNull(rs, "speaker_entity_id"), rs.getString("speaker_name"), rs.getString("speaker_type"),
                rs.getString("speaker_text"), rs.getString("cue_text"), rs.getString("cue_lemma"), connector,
                rs.getString("content"), Jdbc.intOr(rs, "content_start", -1), Jdbc.intOr(rs, "content_end", -1),
                rs.getString("mode"), rs.getString("stance"), Jdbc.longOrNull(rs, "recipient_entity_id"),
                rs.getString("recipient_name") != null ? rs.getString("recipient_name") : rs.getString("recipient_text"),
                rs.getString("recipient_type"), rs.getString("recipient_text"), rs.getString("time_text"),
                rs.getString("time_normalized"), Jdbc.longs(rs, "about"), rs.getDouble("check_worthiness"),
                rs.getString("kind"));
    }

    private static StoredEntity entity(ResultSet rs) throws SQLException {
        return new StoredEntity(rs.getLong("id"), rs.getString("canonical_name"), rs.getString("type"),
                Jdbc.strings(rs, "aliases"), Jdbc.strings(rs, "titles"), rs.getLong("mention_count"),
                rs.getLong("claims_by_count"));
    }
}
