package org.claimwire.query.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimwire.events.EventJson;
import org.claimwire.query.persistence.Views.AliasView;
import org.claimwire.query.persistence.Views.ClaimView;
import org.claimwire.query.persistence.Views.ClaimsLink;
import org.claimwire.query.persistence.Views.CoMention;
import org.claimwire.query.persistence.Views.EntityDetail;
import org.claimwire.query.persistence.Views.EntityRef;
import org.claimwire.query.persistence.Views.EntitySummary;
import org.claimwire.query.persistence.Views.MentionView;
import org.claimwire.query.persistence.Views.Page;
import org.claimwire.query.persistence.Views.SearchHit;
import org.claimwire.query.persistence.Views.StoryDetail;
import org.claimwire.query.persistence.Views.StoryEntity;
import org.claimwire.query.persistence.Views.StoryLink;
import org.claimwire.query.persistence.Views.StorySummary;
import org.claimwire.query.persistence.Views.StreamEvent;
import org.claimwire.query.persistence.Views.VersionInfo;
import org.claimwire.query.text.Names;
import org.claimwire.query.search.ClaimFilter;
import org.claimwire.query.search.Cursor;
import org.claimwire.query.search.NameIndex;
import org.claimwire.query.search.Highlighter;
import org.claimwire.query.search.StoryFilter;

/** The read side over the query schema: plain methods returning {@link Views}, usable from any bean. */
@ApplicationScoped
public class QueryRepository {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityNames names;

    @Inject
    org.claimwire.query.config.QueryConfig config;

    /** A bad claimwire.query.search.candidates stops the start, not every search. */
    void checkConfig(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent ev) {
        FullTextSearch.checkCandidates(config.search().candidates());
    }

    private final ObjectMapper json = EventJson.mapper();

    private <T> T read(Jdbc.Work<T> work) {
        return Jdbc.read(dataSource, "query", work);
    }

    // ---------------------------------------------------------------- stories

    public Page<StorySummary> stories(StoryFilter filter, String cursorText, int limit) {
        Cursor cursor = cursorText == null ? null : Cursor.decode(cursorText, StoryFilter.CURSOR_KIND, 2);
        SqlQuery q = FilterSql.stories(filter, cursor, limit);
        List<Object[]> rows = read(c -> Jdbc.list(c, q.sql(), q.params(), rs -> new Object[] {
                new StorySummary(rs.getLong("story_id"), rs.getString("uri"), rs.getInt("version"), rs.getString("pub_status"),
                        rs.getString("language"), rs.getString("headline"), rs.getString("byline"), rs.getString("source"),
                        rs.getString("feed_id"), rs.getString("url"), rs.getString("located"),
                        Jdbc.instant(rs, "version_created"), Jdbc.instant(rs, "first_created"), rs.getString("excerpt"),
                        null, Views.flash(rs.getString("excerpt"))),
                rs.getLong("version_id")}));
        Page<StorySummary> page = page(rows, limit,
                r -> Cursor.of(StoryFilter.CURSOR_KIND, ((StorySummary) r[0]).versionCreated(), r[1]).encode());
        return new Page<>(withEntities(page.items(), rows.subList(0, page.items().size())), page.nextCursor());
    }

    /** Adds to each listed story the entities it names, most mentioned first, in one query for the whole page. */
    private List<StorySummary> withEntities(List<StorySummary> items, List<Object[]> rows) {
        if (items.isEmpty()) {
            return items;
        }
        Long[] versionIds = rows.stream().map(r -> (Long) r[1]).toArray(Long[]::new);
        Map<Long, List<Views.EntityMention>> byVersion = new HashMap<>();
        read(c -> Jdbc.list(c, "SELECT story_version_id, entity_id, name, type, mention_count FROM query.story_entities "
                + "WHERE story_version_id = ANY (?) ORDER BY story_version_id, mention_count DESC, name",
                List.of((Object) versionIds), rs -> byVersion.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Views.EntityMention(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))));
        List<StorySummary> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(items.get(i).withEntities(byVersion.getOrDefault((Long) rows.get(i)[1], List.of())));
        }
        return out;
    }

    /** The story id for a uri, or null. */
    public Long storyIdByUri(String uri) {
        return read(c -> Jdbc.one(c, "SELECT id FROM query.stories WHERE uri = ?", List.of(uri), rs -> rs.getLong(1)));
    }

    /** One story with its entities, highlighted mentions and claims: the current version, or {@code version}. */
    public StoryDetail story(long id, Integer version) {
        return read(c -> {
            Object[] st = Jdbc.one(c, "SELECT uri, current_version, visible FROM query.stories WHERE id = ?", List.of(id),
                    rs -> new Object[] {rs.getString(1), rs.getInt(2), rs.getBoolean(3)});
            if (st == null || (int) st[1] == 0) {
                throw new NotFoundException("no story with id " + id, false);
            }
            if (!(boolean) st[2]) {
                String status = Jdbc.one(c, "SELECT pub_status FROM query.story_versions WHERE story_id = ? AND is_current",
                        List.of(id), rs -> rs.getString(1));
                throw new NotFoundException("story " + id + " is " + ("canceled".equals(status) ? "killed (canceled)" : status)
                        + " and no longer served", true);
            }
            int v = version == null ? (int) st[1] : version;
            List<VersionInfo> versions = Jdbc.list(c,
                    "SELECT version, pub_status, version_created, is_current FROM query.story_versions WHERE story_id = ? ORDER BY version",
                    List.of(id), rs -> new VersionInfo(rs.getInt(1), rs.getString(2), Jdbc.instant(rs, "version_created"), rs.getBoolean(4)));
            Object[] row = Jdbc.one(c, "SELECT * FROM query.story_versions WHERE story_id = ? AND version = ?", List.of(id, v),
                    rs -> new Object[] {rs.getLong("id"), rs.getString("pub_status"), rs.getBoolean("is_current"),
                            rs.getString("language"), rs.getString("headline"), rs.getString("byline"), rs.getString("body"),
                            rs.getString("located"), rs.getString("url"), rs.getString("source"), rs.getString("feed_id"),
                            rs.getString("subjects"), rs.getString("info_sources"), rs.getString("nlp_model"),
                            Jdbc.instant(rs, "version_created"), Jdbc.instant(rs, "first_created"), Jdbc.instant(rs, "enriched_at")});
            if (row == null) {
                throw new NotFoundException("story " + id + " has no version " + v, false);
            }
            long versionId = (long) row[0];
            Map<Long, List<MentionView>> mentions = new LinkedHashMap<>();
            List<Highlighter.Mark> marks = new ArrayList<>();
            for (Object[] m : Jdbc.list(c, "SELECT entity_id, start_offset, end_offset, text FROM query.mentions WHERE story_version_id = ? ORDER BY start_offset",
                    List.of(versionId), rs -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4)})) {
                mentions.computeIfAbsent((Long) m[0], k -> new ArrayList<>()).add(new MentionView((int) m[1], (int) m[2], (String) m[3]));
                marks.add(new Highlighter.Mark((int) m[1], (int) m[2], (Long) m[0]));
            }
            List<StoryEntity> entities = Jdbc.list(c, """
                    SELECT se.entity_id, se.local_id, se.name, e.canonical_name, se.type, se.titles, se.resolution
                    FROM query.story_entities se JOIN query.entities e ON e.id = se.entity_id
                    WHERE se.story_version_id = ? ORDER BY se.mention_count DESC, se.local_id""", List.of(versionId),
                    rs -> new StoryEntity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            Jdbc.strings(rs, "titles"), rs.getString(7), mentions.getOrDefault(rs.getLong(1), List.of())));
            String body = (String) row[6];
            Boolean flash = "canceled".equals(row[1]) ? null : Views.flash(body);
            // a flash's mentions index into its headline, so that is the text highlighted
            List<Highlighter.Segment> segments = Highlighter.segments(flash != null ? (String) row[4] : body, marks);
            ClaimFilter cf = new ClaimFilter(null, null, null, null, null, null, null, null, null, versionId);
            SqlQuery cq = FilterSql.claims(cf, null, 10_000);
            List<ClaimView> claims = Jdbc.list(c, cq.sql().replace("ORDER BY c.said_at DESC, c.id DESC", "ORDER BY c.content_start, c.id"),
                    cq.params(), QueryRepository::claim);
            return new StoryDetail(id, (String) st[0], v, (String) row[1], (boolean) row[2], (String) row[3], (String) row[4],
                    (String) row[5], body, (String) row[7], (String) row[8], (String) row[9], (String) row[10],
                    tree((String) row[11]), tree((String) row[12]), tree((String) row[13]), (java.time.Instant) row[14],
                    (java.time.Instant) row[15], (java.time.Instant) row[16], versions, entities, segments,
                    Highlighter.html(segments), claims, flash);
        });
    }

    // ---------------------------------------------------------------- entities

    /** Entity ids a name stands for: exact (normalised) name or alias match, else persons with that surname. */
    public List<Long> entityIdsByName(String name) {
        String norm = Names.normalise(name);
        String person = Names.personKey(name);
        return read(c -> {
            List<Long> ids = Jdbc.list(c, """
                    SELECT DISTINCT a.entity_id FROM query.entity_aliases a
                    WHERE a.kind = 'NAME' AND (a.name_norm = ? OR a.name_norm = ?)""", List.of(norm, person), rs -> rs.getLong(1));
            if (ids.isEmpty() && Names.isBareSurname(name)) {
                // "Peskov": every person with that surname (a filter may be broad; resolution never is)
                ids = Jdbc.list(c, "SELECT id FROM query.entities WHERE type = 'PERSON' AND surname = ?",
                        List.of(Names.surname(name)), rs -> rs.getLong(1));
            }
            return ids;
        });
    }

    public Page<EntitySummary> entities(String q, String type, String cursorText, int limit) {
        int offset = cursorText == null ? 0 : Cursor.decode(cursorText, EntitySearch.CURSOR_KIND, 1).offsetValue(0);
        String qNorm = q == null ? null : Names.normalise(q);
        NameIndex index = names.index();
        if (index != null && qNorm != null && !qNorm.isBlank()) {
            List<EntitySummary> rows = index.search(qNorm, type, offset, limit).stream().map(e -> new EntitySummary(e.id(),
                    e.name(), e.type(), e.mentionCount(), e.storyCount())).toList();
            return offsetPage(rows, limit, offset, EntitySearch.CURSOR_KIND);
        }
        SqlQuery sq = EntitySearch.toSql(qNorm, type, offset, limit);
        List<EntitySummary> rows = read(c -> Jdbc.list(c, sq.sql(), sq.params(), rs -> new EntitySummary(rs.getLong("id"),
                rs.getString("canonical_name"), rs.getString("type"), rs.getLong("mention_count"), rs.getLong("story_count"))));
        return offsetPage(rows, limit, offset, EntitySearch.CURSOR_KIND);
    }

    /**
     * One statement, one round trip (was three): the entity row (part 0), its aliases with up to five source
     * stories each (part 1) and its ten most co-mentioned entities (part 2) as one UNION ALL, ordered by part
     * and then as each list is shown.
     */
    static final String ENTITY_DETAIL_SQL = """
            SELECT 0 AS part, e.canonical_name AS s1, e.type AS s2, NULL::text AS s3,
                   e.mention_count AS n1, e.story_count AS n2, e.claims_by_count AS n3, e.claims_about_count AS n4,
                   NULL::text[] AS stories, NULL::text AS k1, 0::bigint AS k2, 0::bigint AS k3
            FROM query.entities e WHERE e.id = ?
            UNION ALL
            SELECT 1, a.kind, a.name, a.reason, a.story_count, 0, 0, 0,
                   ARRAY(SELECT s.id || ' ' || s.uri FROM query.entity_alias_stories x JOIN query.stories s ON s.id = x.story_id
                         WHERE x.alias_id = a.id ORDER BY x.story_id LIMIT 5),
                   a.kind, -a.story_count, a.id
            FROM query.entity_aliases a WHERE a.entity_id = ?
            UNION ALL
            (SELECT 2, o.canonical_name, o.type, NULL, m.story_count, o.id, 0, 0, NULL, NULL, -m.story_count, m.other_entity_id
             FROM query.co_mentions m JOIN query.entities o ON o.id = m.other_entity_id
             WHERE m.entity_id = ? AND m.story_count > 0 ORDER BY m.story_count DESC, m.other_entity_id LIMIT 10)
            ORDER BY part, k1, k2, k3""";

    public EntityDetail entity(long id) {
        return read(c -> {
            Object[] e = null;
            List<AliasView> aliases = new ArrayList<>();
            List<CoMention> co = new ArrayList<>();
            try (var ps = Jdbc.prepare(c, ENTITY_DETAIL_SQL, List.of(id, id, id)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getInt("part")) {
                        case 0 -> e = new Object[] {rs.getString("s1"), rs.getString("s2"), rs.getLong("n1"), rs.getLong("n2"),
                                rs.getLong("n3"), rs.getLong("n4")};
                        case 1 -> aliases.add(new AliasView(rs.getString("s1"), rs.getString("s2"), rs.getString("s3"),
                                rs.getLong("n1"), Jdbc.strings(rs, "stories").stream().map(s -> {
                                    int sp = s.indexOf(' ');
                                    return new StoryLink(Long.parseLong(s.substring(0, sp)), s.substring(sp + 1));
                                }).toList()));
                        default -> co.add(new CoMention(rs.getLong("n2"), rs.getString("s1"), rs.getString("s2"), rs.getLong("n1")));
                    }
                }
            }
            if (e == null) {
                throw new NotFoundException("no entity with id " + id, false);
            }
            long by = (long) e[4];
            long about = (long) e[5];
            List<String> names = aliases.stream().filter(a -> a.kind().equals("NAME")).map(AliasView::name).distinct().toList();
            List<String> titles = aliases.stream().filter(a -> a.kind().equals("TITLE")).map(AliasView::name).distinct().toList();
            return new EntityDetail(id, (String) e[0], (String) e[1], names, titles, (long) e[2], (long) e[3], aliases, co,
                    new ClaimsLink(by, "/api/v1/claims?speaker=" + id), new ClaimsLink(about, "/api/v1/claims?about=" + id),
                    "/api/v1/stories?entity=" + id);
        });
    }

    // ---------------------------------------------------------------- claims, search

    public Page<ClaimView> claims(ClaimFilter filter, String cursorText, int limit) {
        Cursor cursor = cursorText == null ? null : Cursor.decode(cursorText, ClaimFilter.CURSOR_KIND, 2);
        SqlQuery q = FilterSql.claims(filter, cursor, limit);
        List<ClaimView> rows = read(c -> Jdbc.list(c, q.sql(), q.params(), QueryRepository::claim));
        return page(rows, limit, r -> Cursor.of(ClaimFilter.CURSOR_KIND, r.saidAt(), r.id()).encode());
    }

    public Page<SearchHit> search(String q, String cursorText, int limit) {
        int offset = cursorText == null ? 0 : Cursor.decode(cursorText, FullTextSearch.CURSOR_KIND, 1).offsetValue(0);
        SqlQuery sq = FullTextSearch.toSql(q, offset, limit, config.search().candidates());
        // snippets are built here (search.Snippets) from the excerpt and the query's lexemes, for the page's rows
        // only (the extra row that tells whether a next page exists gets none); every row carries the same
        // lexemes (querytree of the one query), so they are parsed once and the matcher reused
        int[] row = {0};
        String[] tree = {null};
        org.claimwire.query.search.Snippets.Query[] matcher = {null};
        List<SearchHit> rows = read(c -> Jdbc.list(c, sq.sql(), sq.params(), rs -> {
            String snippet = null;
            if (row[0]++ < limit) {
                String lexemes = rs.getString("lexemes");
                if (matcher[0] == null || !java.util.Objects.equals(tree[0], lexemes)) {
                    matcher[0] = org.claimwire.query.search.Snippets.query(lexemes);
                    tree[0] = lexemes;
                }
                snippet = matcher[0].html(rs.getString("excerpt"));
            }
            return new SearchHit(rs.getString("kind"), rs.getLong("story_id"), rs.getString("uri"),
                    Jdbc.longOrNull(rs, "claim_id"), rs.getString("headline"), snippet, rs.getDouble("rank"),
                    Jdbc.instant(rs, "time"));
        }));
        return offsetPage(rows, limit, offset, FullTextSearch.CURSOR_KIND);
    }

    // ---------------------------------------------------------------- stream

    /** The highest stream sequence number so far (0 when empty). */
    public long streamHead() {
        return read(c -> Jdbc.one(c, "SELECT coalesce(max(seq), 0) FROM query.stream_events", List.of(), rs -> rs.getLong(1)));
    }

    /** Stream events after {@code seq}, oldest first; only those naming one of {@code entityIds} when given. */
    public List<StreamEvent> streamAfter(long seq, List<Long> entityIds, int limit) {
        SqlQuery q = new SqlQuery().append("SELECT seq, kind, payload::text FROM query.stream_events");
        q.and("seq > ?", seq);
        if (entityIds != null) {
            q.and("entity_ids && ?", (Object) entityIds.toArray(new Long[0]));
        }
        q.append(" ORDER BY seq LIMIT ?", limit);
        return read(c -> Jdbc.list(c, q.sql(), q.params(), rs -> new StreamEvent(rs.getLong(1), rs.getString(2), rs.getString(3))));
    }

    /** Every stream event after {@code seq} with its entity ids, oldest first (the stream hub's one reader). */
    public List<Views.StreamRow> streamRowsAfter(long seq, int limit) {
        return read(c -> Jdbc.list(c, "SELECT seq, kind, payload::text, entity_ids FROM query.stream_events WHERE seq > ? "
                + "ORDER BY seq LIMIT ?", List.of(seq, limit), rs -> new Views.StreamRow(rs.getLong(1), rs.getString(2),
                rs.getString(3), Jdbc.longs(rs, "entity_ids"))));
    }

    /** Deletes stream events older than the newest {@code keep} ones; returns how many went. */
    public int pruneStream(long keep) {
        return read(c -> Jdbc.update(c, "DELETE FROM query.stream_events WHERE seq <= (SELECT coalesce(max(seq), 0) - ? FROM query.stream_events)", keep));
    }

    /** Row counts for the admin endpoint. */
    public Map<String, Long> stats() {
        return read(c -> {
            Map<String, Long> m = new LinkedHashMap<>();
            for (String t : List.of("stories", "story_versions", "entities", "entity_aliases", "mentions", "claims",
                    "claim_about", "consumed_events", "stream_events")) {
                m.put(t, Jdbc.one(c, "SELECT count(*) FROM query." + t, List.of(), rs -> rs.getLong(1)));
            }
            m.put("visible_stories", Jdbc.one(c, "SELECT count(*) FROM query.stories WHERE visible", List.of(), rs -> rs.getLong(1)));
            return m;
        });
    }

    // ---------------------------------------------------------------- helpers

    static ClaimView claim(ResultSet rs) throws SQLException {
        Long speakerId = Jdbc.longOrNull(rs, "speaker_entity_id");
        Long recipientId = Jdbc.longOrNull(rs, "recipient_entity_id");
        return new ClaimView(rs.getLong("id"), rs.getLong("story_id"), rs.getString("uri"), rs.getInt("version"),
                rs.getString("headline"), rs.getString("local_id"),
                speakerId == null ? null : new EntityRef(speakerId, rs.getString("speaker_name")), rs.getString("speaker_text"),
                recipientId == null ? null : new EntityRef(recipientId, rs.getString("recipient_name")),
                rs.getString("recipient_text"), rs.getString("cue_text"), rs.getString("cue_lemma"), rs.getString("content"),
                (Integer) rs.getObject("content_start"), (Integer) rs.getObject("content_end"), rs.getString("mode"),
                rs.getString("stance"), rs.getString("kind"), rs.getString("time_text"), rs.getString("time_normalized"),
                Jdbc.instant(rs, "said_at"), Jdbc.longs(rs, "about_ids"), rs.getDouble("check_worthiness"),
                rs.getDouble("confidence"), rs.getString("source"), rs.getString("language"));
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static <R, T> Page<T> page(List<R> rows, int limit, java.util.function.Function<R, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<R> pageRows = more ? rows.subList(0, limit) : rows;
        List<T> items = new ArrayList<>();
        for (R r : pageRows) {
            @SuppressWarnings("unchecked")
            T item = r instanceof Object[] a ? (T) a[0] : (T) r;
            items.add(item);
        }
        return new Page<>(items, more ? cursorOf.apply(pageRows.get(pageRows.size() - 1)) : null);
    }

    private static <T> Page<T> offsetPage(List<T> rows, int limit, int offset, String kind) {
        boolean more = rows.size() > limit;
        return new Page<>(more ? List.copyOf(rows.subList(0, limit)) : rows,
                more ? Cursor.of(kind, offset + limit).encode() : null);
    }
}
