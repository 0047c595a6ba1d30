package org.claimwire.query.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.EntityType;
import org.claimwire.events.EventJson;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.query.resolution.EntityResolver;
import org.claimwire.query.text.Names;
import org.claimwire.query.resolution.Resolution;
import org.claimwire.query.search.Lemmas;
import org.claimwire.query.search.Times;
import org.jboss.logging.Logger;

/**
 * The write side: stores one {@link EnrichedStory} event in one transaction, idempotent on the event id and on
 * (uri, version), ordered by version (an older version is kept as history and never replaces a newer one),
 * resolving the story's entities to global entities and keeping the derived counters in step.
 */
@ApplicationScoped
public class StoryStore {
    private static final Logger LOG = Logger.getLogger(StoryStore.class);

    @Inject
    AgroalDataSource dataSource;

    private final EntityResolver resolver = new EntityResolver();
    private final ObjectMapper json = EventJson.mapper();

    @Transactional
    public StoreResult store(EnrichedStory es, String eventId) {
        StorableEvent.check(es);
        try (Connection c = dataSource.getConnection()) {
            return doStore(c, es, eventId);
        } catch (SQLException e) {
            throw new StoreException("storing " + es.story().uri() + " v" + es.story().version() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Stores one event on a connection whose transaction the caller owns (bulk loaders such as the ask evaluation,
     * bench/ask/Eval.java, commit their own); the consumer uses {@link #store(EnrichedStory, String)}.
     */
    public StoreResult store(Connection c, EnrichedStory es, String eventId) throws SQLException {
        StorableEvent.check(es);
        return doStore(c, es, eventId);
    }

    /** The version being stored: whether it becomes the current one, whether readers see it, and its times. */
    private record Incoming(Story story, Enrichment enrichment, String eventId, long storyId, int previousVersion,
            boolean becomesCurrent, boolean visible, Instant versionCreated, String language) {
    }

    /** The story's entities resolved to global ids, in story order of first resolution. */
    private record ResolvedEntities(Map<String, Long> globalIdByLocalId, Map<Long, String> nameByGlobalId) {
    }

    /** A stored claim's stream event, published after the story's own event. */
    private record ClaimEvent(long claimId, Set<Long> entityIds, ObjectNode payload) {
    }

    private StoreResult doStore(Connection c, EnrichedStory es, String eventId) throws SQLException {
        Story s = es.story();
        if (!claimEventId(c, eventId, s)) {
            return new StoreResult(StoreResult.Outcome.DUPLICATE, -1, s.version());
        }
        long[] story = lockStory(c, s.uri());
        long storyId = story[0];
        if (versionExists(c, storyId, s.version())) {
            outcome(c, eventId, "DUPLICATE_VERSION");
            return new StoreResult(StoreResult.Outcome.DUPLICATE, storyId, s.version());
        }
        Incoming in = incoming(es, eventId, storyId, (int) story[1]);
        long versionId = insertVersion(c, in, es);
        ResolvedEntities entities = resolveEntities(c, in, versionId);
        List<ClaimEvent> claimEvents = insertClaims(c, in, versionId, entities);
        if (!in.becomesCurrent()) {
            outcome(c, eventId, "HISTORY");
            LOG.debugf("stored %s v%d as history (current is v%d)", s.uri(), s.version(), in.previousVersion());
            return new StoreResult(StoreResult.Outcome.HISTORY, storyId, s.version());
        }
        retirePreviousVersion(c, storyId, versionId);
        if (in.visible()) {
            contribute(c, versionId, +1);
            publishStreamEvents(c, in, entities, claimEvents);
        }
        Jdbc.update(c, "UPDATE query.stories SET current_version = ?, visible = ?, updated_at = now() WHERE id = ?",
                s.version(), in.visible(), storyId);
        outcome(c, eventId, "STORED");
        return new StoreResult(StoreResult.Outcome.STORED, storyId, s.version());
    }

    /** Records the event id as being consumed; false when it was consumed before (a redelivery). */
    private static boolean claimEventId(Connection c, String eventId, Story s) throws SQLException {
        return Jdbc.update(c, "INSERT INTO query.consumed_events (event_id, story_uri, version, outcome) VALUES (?, ?, ?, 'PENDING') "
                + "ON CONFLICT (event_id) DO NOTHING", eventId, s.uri(), s.version()) > 0;
    }

    /** The story row (created on first sight), locked for this transaction: {id, current version}. */
    private static long[] lockStory(Connection c, String uri) throws SQLException {
        Jdbc.update(c, "INSERT INTO query.stories (uri, current_version, visible) VALUES (?, 0, false) ON CONFLICT (uri) DO NOTHING", uri);
        return Jdbc.one(c, "SELECT id, current_version FROM query.stories WHERE uri = ? FOR UPDATE", List.of(uri),
                rs -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    private static boolean versionExists(Connection c, long storyId, int version) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM query.story_versions WHERE story_id = ? AND version = ?", List.of(storyId, version),
                rs -> 1) != null;
    }

    /** A higher version becomes current; a current, usable one is visible. */
    private static Incoming incoming(EnrichedStory es, String eventId, long storyId, int current) {
        Story s = es.story();
        Enrichment en = es.enrichment() == null ? new Enrichment(s.language(), List.of(), List.of()) : es.enrichment();
        boolean becomesCurrent = s.version() > current;
        boolean visible = becomesCurrent && s.pubStatus() == PubStatus.USABLE;
        Instant versionCreated = s.versionCreated() != null ? s.versionCreated()
                : es.enrichedAt() != null ? es.enrichedAt() : Instant.now();
        String language = en.language() != null && s.language() == null ? en.language() : s.language();
        return new Incoming(s, en, eventId, storyId, current, becomesCurrent, visible, versionCreated, language);
    }

    private long insertVersion(Connection c, Incoming in, EnrichedStory es) throws SQLException {
        Story s = in.story();
        return Jdbc.one(c, """
                INSERT INTO query.story_versions (story_id, version, event_id, pub_status, is_current, visible, language,
                    headline, byline, body, located, url, source, feed_id, content_hash, duplicate_of, subjects,
                    info_sources, nlp_model, version_created, first_created, enriched_at, lemmas)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
                RETURNING id""",
                java.util.Arrays.asList(in.storyId(), s.version(), in.eventId(), s.pubStatus().wireName(), in.becomesCurrent(),
                        in.visible(), in.language(), s.headline(), s.byline(), s.body(), s.located(), s.url(), source(s),
                        s.feedId(), s.contentHash(), s.duplicateOf(), toJson(s.subjects()), toJson(s.infoSources()),
                        es.nlpModel() == null ? null : toJson(es.nlpModel()), in.versionCreated(), s.firstCreated(),
                        es.enrichedAt(), Lemmas.extras(s.headline(), s.body())),
                rs -> rs.getLong(1));
    }

    /**
     * Resolves each of the story's entities to a global entity (full-name persons first, so that a bare surname in
     * the same story finds them) and stores its names, titles, story link and mentions.
     */
    private ResolvedEntities resolveEntities(Connection c, Incoming in, long versionId) throws SQLException {
        Enrichment en = in.enrichment();
        Map<String, Long> localToGlobal = new HashMap<>();
        Map<Long, String> globalNames = new LinkedHashMap<>();
        List<Enrichment.Entity> ordered = new ArrayList<>(en.entities());
        ordered.sort(Comparator.comparingInt(StoryStore::resolutionOrder));
        JdbcEntityDirectory directory = new JdbcEntityDirectory(c);
        // the text mention offsets index into: the body, or the headline of a flash
        String body = in.story().analysedText() == null ? "" : in.story().analysedText();
        for (Enrichment.Entity e : ordered) {
            if (e.id() == null || e.name() == null || e.name().isBlank() || localToGlobal.containsKey(e.id())) {
                continue;
            }
            EntityType type = e.type() == null ? EntityType.MISC : e.type();
            Resolution r = resolver.resolve(e, en.entities(), directory);
            long entityId = apply(c, r, e.name().trim(), type);
            localToGlobal.put(e.id(), entityId);
            globalNames.put(entityId, e.name().trim());
            alias(c, entityId, "NAME", e.name().trim(), aliasKey(e.name(), type), r.reason(), in.storyId());
            for (String t : e.titles()) {
                if (t != null && !t.isBlank()) {
                    alias(c, entityId, "TITLE", t.trim(), Names.normalise(t), r.reason(), in.storyId());
                }
            }
            insertMentions(c, in, versionId, e, entityId, type, r, body);
        }
        return new ResolvedEntities(localToGlobal, globalNames);
    }

    private static void insertMentions(Connection c, Incoming in, long versionId, Enrichment.Entity e, long entityId,
            EntityType type, Resolution r, String body) throws SQLException {
        List<Enrichment.Span> mentions = e.mentions().stream()
                .filter(m -> m.start() >= 0 && m.end() <= body.length() && m.start() < m.end()).toList();
        Jdbc.update(c, """
                INSERT INTO query.story_entities (story_version_id, local_id, entity_id, name, type, titles,
                    mention_count, resolution, visible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                versionId, e.id(), entityId, e.name().trim(), type.name(), e.titles().toArray(new String[0]),
                Math.max(1, mentions.size()), r.reason(), in.visible());
        for (Enrichment.Span m : mentions) {
            Jdbc.update(c, "INSERT INTO query.mentions (story_version_id, entity_id, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)",
                    versionId, entityId, m.start(), m.end(), m.text() != null ? m.text() : body.substring(m.start(), m.end()));
        }
    }

    /** Stores the claims with their speaker, recipient and about entities; returns the stream events of visible ones. */
    private List<ClaimEvent> insertClaims(Connection c, Incoming in, long versionId, ResolvedEntities entities)
            throws SQLException {
        List<ClaimEvent> events = new ArrayList<>();
        Map<String, Long> localToGlobal = entities.globalIdByLocalId();
        for (Enrichment.Claim cl : in.enrichment().claims()) {
            if (cl.content() == null || cl.content().text() == null || cl.mode() == null) {
                continue;
            }
            Long speaker = cl.speaker() == null ? null : localToGlobal.get(cl.speaker().entityId());
            Long recipient = cl.recipient() == null ? null : localToGlobal.get(cl.recipient().entityId());
            Instant saidAt = Times.saidAt(cl.time() == null ? null : cl.time().normalized(), in.versionCreated());
            long claimId = insertClaim(c, in, versionId, cl, speaker, recipient, saidAt);
            Set<Long> about = new LinkedHashSet<>();
            for (String a : cl.about()) {
                Long g = localToGlobal.get(a);
                if (g != null) {
                    about.add(g);
                }
            }
            for (Long a : about) {
                Jdbc.update(c, "INSERT INTO query.claim_about (claim_id, entity_id, said_at, visible) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", claimId, a, saidAt, in.visible());
            }
            if (in.visible()) {
                events.add(claimEvent(in, cl, claimId, speaker, recipient, about));
            }
        }
        return events;
    }

    private static long insertClaim(Connection c, Incoming in, long versionId, Enrichment.Claim cl, Long speaker,
            Long recipient, Instant saidAt) throws SQLException {
        return Jdbc.one(c, """
                INSERT INTO query.claims (story_version_id, story_id, local_id, speaker_entity_id, speaker_text,
                    speaker_start, speaker_end, recipient_entity_id, recipient_text, recipient_start, recipient_end,
                    cue_text, cue_lemma, cue_start, cue_end, content, content_start, content_end, mode, stance,
                    time_text, time_normalized, said_at, check_worthiness, confidence, visible, lemmas, kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                java.util.Arrays.asList(versionId, in.storyId(), cl.id(), speaker,
                        cl.speaker() == null ? null : firstNonNull(cl.speaker().text(), cl.speaker().name()),
                        cl.speaker() == null ? null : cl.speaker().start(), cl.speaker() == null ? null : cl.speaker().end(),
                        recipient, cl.recipient() == null ? null : firstNonNull(cl.recipient().name(), cl.recipient().text()),
                        cl.recipient() == null ? null : cl.recipient().start(), cl.recipient() == null ? null : cl.recipient().end(),
                        cl.cue() == null ? null : cl.cue().text(), cl.cue() == null ? null : cl.cue().lemma(),
                        cl.cue() == null ? null : cl.cue().start(), cl.cue() == null ? null : cl.cue().end(),
                        cl.content().text(), cl.content().start(), cl.content().end(), cl.mode().name(),
                        cl.stance() == null ? null : cl.stance().name(), cl.time() == null ? null : cl.time().text(),
                        cl.time() == null ? null : cl.time().normalized(), saidAt, cl.checkWorthiness(), cl.confidence(),
                        in.visible(), Lemmas.extras(cl.content().text()), cl.kind().name()),
                rs -> rs.getLong(1));
    }

    private ClaimEvent claimEvent(Incoming in, Enrichment.Claim cl, long claimId, Long speaker, Long recipient,
            Set<Long> about) {
        Set<Long> ids = new LinkedHashSet<>(about);
        if (speaker != null) {
            ids.add(speaker);
        }
        if (recipient != null) {
            ids.add(recipient);
        }
        ObjectNode p = json.createObjectNode();
        p.put("type", "claim").put("claimId", claimId).put("storyId", in.storyId()).put("uri", in.story().uri())
                .put("version", in.story().version()).put("content", cl.content().text()).put("mode", cl.mode().name())
                .put("kind", cl.kind().name());
        p.put("stance", cl.stance() == null ? null : cl.stance().name());
        if (speaker != null) {
            p.put("speakerId", speaker);
        }
        p.put("speaker", cl.speaker() == null ? null : firstNonNull(cl.speaker().name(), cl.speaker().text()));
        if (recipient != null) {
            p.put("recipientId", recipient);
        }
        p.put("recipient", cl.recipient() == null ? null : firstNonNull(cl.recipient().name(), cl.recipient().text()));
        ArrayNode ab = p.putArray("about");
        about.forEach(ab::add);
        return new ClaimEvent(claimId, ids, p);
    }

    /** Hides the version that was current until now, and takes its share out of the counters. */
    private static void retirePreviousVersion(Connection c, long storyId, long versionId) throws SQLException {
        List<long[]> previous = Jdbc.list(c, """
                UPDATE query.story_versions SET is_current = false, visible = false
                WHERE story_id = ? AND is_current AND id <> ?
                RETURNING id, (pub_status = 'usable')::int""", List.of(storyId, versionId),
                rs -> new long[] {rs.getLong(1), rs.getLong(2)});
        for (long[] p : previous) {
            if (p[1] == 1) {
                contribute(c, p[0], -1);
                Jdbc.update(c, "UPDATE query.story_entities SET visible = false WHERE story_version_id = ?", p[0]);
                Jdbc.update(c, "UPDATE query.claims SET visible = false WHERE story_version_id = ?", p[0]);
                Jdbc.update(c, "UPDATE query.claim_about SET visible = false WHERE claim_id IN "
                        + "(SELECT id FROM query.claims WHERE story_version_id = ?)", p[0]);
            }
        }
    }

    /** The story's event, then one per claim, for the live stream. */
    private void publishStreamEvents(Connection c, Incoming in, ResolvedEntities entities, List<ClaimEvent> claimEvents)
            throws SQLException {
        Story s = in.story();
        ObjectNode p = json.createObjectNode();
        p.put("type", "story").put("storyId", in.storyId()).put("uri", s.uri()).put("version", s.version())
                .put("headline", s.headline()).put("language", in.language())
                .put("versionCreated", in.versionCreated().toString()).put("claims", claimEvents.size());
        ArrayNode ents = p.putArray("entities");
        entities.nameByGlobalId().forEach((id, name) -> ents.addObject().put("id", id).put("name", name));
        streamEvent(c, "story", in.storyId(), null, entities.nameByGlobalId().keySet(), p);
        for (ClaimEvent ev : claimEvents) {
            streamEvent(c, "claim", in.storyId(), ev.claimId(), ev.entityIds(), ev.payload());
        }
    }

    /** Adds (+1) or removes (-1) one story version's share of the entity and co-mention counters. */
    private static void contribute(Connection c, long versionId, int sign) throws SQLException {
        Jdbc.update(c, """
                UPDATE query.entities e SET mention_count = e.mention_count + ? * x.m, story_count = e.story_count + ?,
                    updated_at = now()
                FROM (SELECT entity_id, sum(mention_count) AS m FROM query.story_entities WHERE story_version_id = ?
                      GROUP BY entity_id) x
                WHERE e.id = x.entity_id""", sign, sign, versionId);
        Jdbc.update(c, """
                INSERT INTO query.co_mentions (entity_id, other_entity_id, story_count)
                SELECT a.entity_id, b.entity_id, ?
                FROM (SELECT DISTINCT entity_id FROM query.story_entities WHERE story_version_id = ?) a,
                     (SELECT DISTINCT entity_id FROM query.story_entities WHERE story_version_id = ?) b
                WHERE a.entity_id <> b.entity_id
                ON CONFLICT (entity_id, other_entity_id) DO UPDATE SET story_count = co_mentions.story_count + excluded.story_count""",
                sign, versionId, versionId);
        Jdbc.update(c, """
                UPDATE query.entities e SET claims_by_count = e.claims_by_count + ? * x.n
                FROM (SELECT speaker_entity_id AS id, count(*) AS n FROM query.claims
                      WHERE story_version_id = ? AND speaker_entity_id IS NOT NULL GROUP BY 1) x
                WHERE e.id = x.id""", sign, versionId);
        Jdbc.update(c, """
                UPDATE query.entities e SET claims_about_count = e.claims_about_count + ? * x.n
                FROM (SELECT a.entity_id AS id, count(*) AS n FROM query.claim_about a
                      JOIN query.claims cl ON cl.id = a.claim_id WHERE cl.story_version_id = ? GROUP BY 1) x
                WHERE e.id = x.id""", sign, versionId);
    }

    private long apply(Connection c, Resolution r, String name, EntityType type) throws SQLException {
        boolean person = type == EntityType.PERSON;
        if (r.isNew()) {
            return Jdbc.one(c, """
                    INSERT INTO query.entities (canonical_name, name_norm, type, surname, surname_only)
                    VALUES (?, ?, ?, ?, ?) RETURNING id""",
                    java.util.Arrays.asList(name, Names.normalise(name), type.name(), person ? Names.surname(name) : null,
                            person && Names.isBareSurname(name)),
                    rs -> rs.getLong(1));
        }
        if (r.upgrade()) {
            Jdbc.update(c, "UPDATE query.entities SET canonical_name = ?, name_norm = ?, surname_only = false, updated_at = now() WHERE id = ?",
                    r.canonicalName(), Names.normalise(r.canonicalName()), r.entityId());
        }
        return r.entityId();
    }

    private static void alias(Connection c, long entityId, String kind, String name, String key, String reason, long storyId)
            throws SQLException {
        if (key.isEmpty()) {
            return;
        }
        long aliasId = Jdbc.one(c, """
                INSERT INTO query.entity_aliases (entity_id, kind, name, name_norm, reason) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (entity_id, kind, name_norm) DO UPDATE SET kind = excluded.kind
                RETURNING id""", List.of(entityId, kind, name, key, reason), rs -> rs.getLong(1));
        if (Jdbc.update(c, "INSERT INTO query.entity_alias_stories (alias_id, story_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                aliasId, storyId) > 0) {
            Jdbc.update(c, "UPDATE query.entity_aliases SET story_count = story_count + 1 WHERE id = ?", aliasId);
        }
    }

    private static void streamEvent(Connection c, String kind, long storyId, Long claimId, Set<Long> entityIds, ObjectNode payload)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO query.stream_events (kind, story_id, claim_id, entity_ids, payload) VALUES (?, ?, ?, ?, ?::jsonb)",
                kind, storyId, claimId, entityIds.toArray(new Long[0]), payload.toString());
    }

    private static void outcome(Connection c, String eventId, String outcome) throws SQLException {
        Jdbc.update(c, "UPDATE query.consumed_events SET outcome = ? WHERE event_id = ?", outcome, eventId);
    }

    /** The normalised NAME alias: a person's full name without honorifics, or the normalised name. */
    public static String aliasKey(String name, EntityType type) {
        return type == EntityType.PERSON ? Names.personKey(name) : Names.normalise(name);
    }

    private static int resolutionOrder(Enrichment.Entity e) {
        if (e.type() == EntityType.PERSON && e.name() != null) {
            return Names.personTokens(e.name()).size() >= 2 ? 0 : 1;
        }
        return 2;
    }

    private static String source(Story s) {
        for (String role : List.of("provider", "source", "originfeed")) {
            for (Story.InfoSource i : s.infoSources()) {
                if (role.equalsIgnoreCase(i.role()) && i.name() != null) {
                    return i.name();
                }
            }
        }
        for (Story.InfoSource i : s.infoSources()) {
            if (i.name() != null) {
                return i.name();
            }
        }
        return null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
