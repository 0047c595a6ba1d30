package org.claimwire.query.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimwire.events.Enrichment;
import org.claimwire.query.analysis.Buckets;
import org.claimwire.query.analysis.Exchanges;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.persistence.AnalystViews.EntityHeader;
import org.claimwire.query.persistence.Views.ClaimView;

/** The read side of the analyst routes: an entity's stance over time, who answers whom, titles for entity lists. */
@ApplicationScoped
public class AnalystRepository {
    /** Every stance a series counts, in the order the contract lists them, then claims without one. */
    public static final List<String> STANCES;

    static {
        List<String> s = new ArrayList<>();
        for (Enrichment.Stance st : Enrichment.Stance.values()) {
            s.add(st.name());
        }
        if (!s.contains("UNCLASSIFIED")) {
            s.add("UNCLASSIFIED");
        }
        STANCES = List.copyOf(s);
    }

    /** Newest claims of the entity an exchange search starts from. */
    static final int ANCHORS = 40;
    /** Candidate answers looked at per anchor claim, through the entities it is about (newest first). */
    static final int CANDIDATES_PER_ANCHOR = 12;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QueryConfig config;

    private <T> T read(Jdbc.Work<T> work) {
        return Jdbc.read(dataSource, "query", work);
    }

    /** The entity with its titles (most used first), or NotFoundException. */
    EntityHeader header(Connection c, long id) throws SQLException {
        EntityHeader h = headers(c, List.of(id)).get(id);
        if (h == null) {
            throw new NotFoundException("no entity with id " + id, false);
        }
        return h;
    }

    /** The entities with these ids, with their titles (most used first), in one statement; absent ids are left out. */
    static Map<Long, EntityHeader> headers(Connection c, java.util.Collection<Long> ids) throws SQLException {
        Map<Long, EntityHeader> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Jdbc.list(c, """
                SELECT e.id, e.canonical_name, e.type, ARRAY(SELECT a.name FROM query.entity_aliases a
                    WHERE a.entity_id = e.id AND a.kind = 'TITLE' ORDER BY a.story_count DESC, a.id) AS titles
                FROM query.entities e WHERE e.id = ANY(?)""", List.of((Object) ids.toArray(new Long[0])),
                rs -> out.put(rs.getLong(1), new EntityHeader(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Jdbc.strings(rs, "titles"))));
        return out;
    }

    /**
     * Titles of each of {@code ids} (most used first; an empty list for none). Entity lists ask for the same popular
     * entities over and over, so titles read within the last name-index refresh interval are reused: titles change only
     * as stories arrive, and the in-memory name index the lists come from is itself up to one interval behind.
     */
    public Map<Long, List<String>> titles(List<Long> ids) {
        long now = System.nanoTime();
        long maxAge = config.nameIndex().refreshInterval().toNanos();
        Map<Long, List<String>> out = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            CachedTitles cached = titleCache.get(id);
            if (cached != null && now - cached.readAt() < maxAge) {
                out.put(id, cached.titles());
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        Map<Long, List<String>> read = new HashMap<>();
        read(c -> Jdbc.list(c, """
                SELECT entity_id, name FROM query.entity_aliases WHERE entity_id = ANY(?) AND kind = 'TITLE'
                ORDER BY entity_id, story_count DESC, id""", List.of((Object) missing.toArray(new Long[0])),
                rs -> read.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))));
        if (titleCache.size() > TITLE_CACHE_MAX) {
            titleCache.clear();
        }
        for (Long id : missing) {
            List<String> titles = List.copyOf(read.getOrDefault(id, List.of()));
            titleCache.put(id, new CachedTitles(titles, now));
            out.put(id, titles);
        }
        return out;
    }

    private record CachedTitles(List<String> titles, long readAt) {
    }

    /** Entities whose titles are kept at most (a few MB); beyond it the cache starts over. */
    static final int TITLE_CACHE_MAX = 50_000;
    private final Map<Long, CachedTitles> titleCache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Claims by {@code entityId} (about one of {@code aboutIds} when given; none when that list is empty), counted
     * per stance and bucket.
     */
    public AnalystViews.Timeline timeline(long entityId, Buckets bucket, List<Long> aboutIds) {
        return read(c -> {
            EntityHeader entity = header(c, entityId);
            EntityHeader about = aboutIds != null && aboutIds.size() == 1 ? header(c, aboutIds.get(0)) : null;
            if (aboutIds != null && aboutIds.isEmpty()) {
                return new AnalystViews.Timeline(entity, bucket.sqlName(), null, List.of());
            }
            SqlQuery q = new SqlQuery().append("SELECT date_trunc(?, c.said_at, 'UTC') AS start, c.stance, count(*) AS n "
                    + "FROM query.claims c", bucket.sqlName());
            q.and("c.speaker_entity_id = ?", entityId);
            q.and("c.visible");
            if (aboutIds != null) {
                q.and("EXISTS (SELECT 1 FROM query.claim_about a WHERE a.claim_id = c.id AND a.entity_id = ANY(?))",
                        (Object) aboutIds.toArray(new Long[0]));
            }
            q.append(" GROUP BY 1, 2");
            List<Buckets.Count> rows = Jdbc.list(c, q.sql(), q.params(),
                    rs -> new Buckets.Count(Jdbc.instant(rs, "start"), rs.getString("stance"), rs.getLong("n")));
            return new AnalystViews.Timeline(entity, bucket.sqlName(), about, bucket.series(rows, STANCES));
        });
    }

    /** Who answers {@code entityId}: its newest claims with other speakers' claims on the same matter. */
    public AnalystViews.ExchangeList exchanges(long entityId, Instant from, Instant to, Duration window, int limit) {
        return read(c -> {
            EntityHeader entity = header(c, entityId);
            SqlQuery aq = new SqlQuery().append(FINDER_SELECT);
            aq.and("c.speaker_entity_id = ?", entityId);
            aq.and("c.visible");
            if (from != null) {
                aq.and("c.said_at >= ?", from);
            }
            if (to != null) {
                aq.and("c.said_at < ?", to);
            }
            aq.append(" ORDER BY c.said_at DESC, c.id DESC LIMIT ?", ANCHORS);
            Map<Long, ClaimView> listed = new HashMap<>();
            List<Exchanges.Claim> anchors = Jdbc.list(c, aq.sql(), aq.params(), rs -> finderClaim(rs, listed));
            if (anchors.isEmpty()) {
                return new AnalystViews.ExchangeList(entity, List.of());
            }
            List<Exchanges.Claim> candidates = candidates(c, entityId, anchors, window, listed);
            List<Exchanges.Exchange> found = Exchanges.find(anchors, candidates, window, 8);
            if (found.size() > limit) {
                found = found.subList(0, limit);
            }
            return new AnalystViews.ExchangeList(entity, views(c, found, listed));
        });
    }

    /**
     * A claim as listed ({@link FilterSql#CLAIM_COLUMNS}, so that an exchange needs no second read of its claims) and
     * what the finder reads of it: its words are the lexemes of its stored full-text vector (english stems, plus the
     * base forms of irregular words), its context the headline's for a non-committal answer.
     */
    private static final String FINDER_SELECT = FilterSql.CLAIM_COLUMNS + """
                 , tsvector_to_array(c.tsv) AS words,
                   CASE WHEN c.stance IN ('NEITHER_CONFIRMS_NOR_DENIES', 'DECLINES_TO_COMMENT', 'NO_RESPONSE')
                        THEN tsvector_to_array(to_tsvector('english', coalesce(v.headline, ''))) END AS context,
                   tsvector_to_array(to_tsvector('english', coalesce(sp.canonical_name, c.speaker_text, ''))) AS speaker_words
            FROM query.claims c""" + FilterSql.CLAIM_JOINS;

    /** The finder's view of the row; its listed form goes into {@code listed}. */
    static Exchanges.Claim finderClaim(java.sql.ResultSet rs, Map<Long, ClaimView> listed) throws SQLException {
        ClaimView v = QueryRepository.claim(rs);
        listed.put(v.id(), v);
        Long speakerId = v.speaker() == null ? null : v.speaker().id();
        String speaker = v.speaker() != null && v.speaker().name() != null ? v.speaker().name() : v.speakerText();
        return new Exchanges.Claim(v.id(), speakerId, speaker, v.stance(), v.saidAt(), v.storyId(), new HashSet<>(v.about()),
                new HashSet<>(Jdbc.strings(rs, "words")), new HashSet<>(Jdbc.strings(rs, "context")),
                new HashSet<>(Jdbc.strings(rs, "speaker_words")));
    }

    /**
     * Claims that may answer the anchors: other claims of the anchors' story versions (by the claims_version
     * index), and, within the window of each anchor, the newest claims about an entity the anchor is about or about
     * the entity itself.
     */
    private static List<Exchanges.Claim> candidates(Connection c, long entityId, List<Exchanges.Claim> anchors,
                                                    Duration window, Map<Long, ClaimView> listed) throws SQLException {
        List<Long> anchorIds = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        List<String> matters = new ArrayList<>();
        for (Exchanges.Claim a : anchors) {
            anchorIds.add(a.id());
            times.add(a.saidAt());
            Set<Long> m = new LinkedHashSet<>(a.about());
            m.add(entityId);
            matters.add(m.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
        }
        SqlQuery q = new SqlQuery().append(FINDER_SELECT + """

                WHERE c.visible AND c.speaker_entity_id IS DISTINCT FROM ? AND c.id IN (
                    SELECT s.id FROM query.claims s WHERE s.visible AND s.story_version_id IN
                        (SELECT an.story_version_id FROM query.claims an WHERE an.id = ANY(?))
                    UNION
                    SELECT x.claim_id
                    FROM unnest(?::text[]::timestamptz[], ?::text[]) AS an(said_at, matter),
                    LATERAL (SELECT a.claim_id FROM query.claim_about a
                             WHERE a.entity_id = ANY(an.matter::bigint[]) AND a.visible
                               AND a.said_at BETWEEN an.said_at - ?::interval AND an.said_at + ?::interval
                             ORDER BY a.said_at DESC LIMIT ?) x)""", entityId, anchorIds.toArray(new Long[0]),
                times.stream().map(Instant::toString).toArray(String[]::new),
                matters.toArray(new String[0]), window.toSeconds() + " seconds", window.toSeconds() + " seconds",
                CANDIDATES_PER_ANCHOR);
        return Jdbc.list(c, q.sql(), q.params(), rs -> finderClaim(rs, listed));
    }

    /** Each exchange's claims in their listed form (the entity's own first, then the answers), with the entities in common. */
    private static List<AnalystViews.Exchange> views(Connection c, List<Exchanges.Exchange> found, Map<Long, ClaimView> listed)
            throws SQLException {
        Set<Long> entities = new LinkedHashSet<>();
        for (Exchanges.Exchange e : found) {
            entities.addAll(e.about().isEmpty() ? e.anchors().get(0).about() : e.about());
        }
        Map<Long, EntityHeader> headers = headers(c, entities);
        List<AnalystViews.Exchange> out = new ArrayList<>();
        for (Exchanges.Exchange e : found) {
            List<ClaimView> claims = new ArrayList<>();
            e.anchors().forEach(a -> claims.add(listed.get(a.id())));
            e.answers().forEach(a -> claims.add(listed.get(a.id())));
            Set<Long> about = e.about().isEmpty() ? e.anchors().get(0).about() : e.about();
            out.add(new AnalystViews.Exchange(claims, about.stream().map(headers::get).filter(java.util.Objects::nonNull).toList(),
                    reason(e, claims)));
        }
        return out;
    }

    /** "Donald Trump asserts; Dmitry Peskov neither confirms nor denies … — shared: “phone”, “putin”; same story". */
    static String reason(Exchanges.Exchange e, List<ClaimView> claims) {
        Map<String, Set<String>> stancesBySpeaker = new LinkedHashMap<>();
        for (ClaimView v : claims) {
            String who = v.speaker() != null && v.speaker().name() != null ? v.speaker().name()
                    : v.speakerText() != null ? v.speakerText() : "unattributed";
            stancesBySpeaker.computeIfAbsent(who, k -> new LinkedHashSet<>())
                    .add((v.stance() == null ? "UNCLASSIFIED" : v.stance()).toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        String who = stancesBySpeaker.entrySet().stream().map(x -> x.getKey() + " " + String.join(" / ", x.getValue()))
                .collect(Collectors.joining("; "));
        Set<Long> stories = claims.stream().map(ClaimView::storyId).collect(Collectors.toSet());
        StringBuilder r = new StringBuilder(who).append(" — same matter:");
        if (!e.words().isEmpty()) {
            r.append(" shared words ").append(e.words().stream().map(w -> "“" + w + "”").collect(Collectors.joining(", ")));
        }
        if (!e.about().isEmpty()) {
            r.append(e.words().isEmpty() ? "" : ";").append(" about the same ").append(e.about().size() == 1 ? "entity" : "entities");
        }
        r.append("; ").append(stories.size() == 1 ? "same story"
                : "within " + Math.max(1, e.apart().toHours()) + " h, " + stories.size() + " stories");
        return r.toString();
    }
}
