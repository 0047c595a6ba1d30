package org.claimwire.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimwire.events.CloudEventTypes;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.EntityType;
import org.claimwire.events.EventJson;
import org.claimwire.events.NlpModel;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.events.Topics;
import org.claimwire.testsupport.Fixtures;
import org.claimwire.testsupport.KafkaBroker;
import org.claimwire.testsupport.KafkaProbe;

/** Builds EnrichedStory events for tests (the seed story by hand from gold.json) and sends them to Kafka. */
public final class TestEvents {
    private TestEvents() {
    }

    public static String bootstrap() {
        return KafkaBroker.shared().bootstrapServers();
    }

    /** Sends an event as nlp-service would: binary-mode CloudEvent, keyed by uri. */
    public static void send(EnrichedStory e) {
        send(e, CloudEventTypes.eventId(CloudEventTypes.STORY_ENRICHED, e.story().uri(), e.story().version()));
    }

    public static void send(EnrichedStory e, String ceId) {
        try {
            KafkaProbe.send(bootstrap(), Topics.STORIES_ENRICHED, e.story().uri(), EventJson.mapper().writeValueAsString(e),
                    Map.of("ce_specversion", "1.0", "ce_id", ceId, "ce_type", CloudEventTypes.STORY_ENRICHED,
                            "ce_source", "urn:claimwire:nlp-service", "ce_subject", e.story().uri(),
                            "content-type", "application/json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static Story story(String uri, int version, PubStatus status, String headline, String body, Instant time,
                              String language, String provider) {
        return new Story(uri, version, time, time, status, language, headline, "Test Desk", body, "Moscow", List.of(),
                provider == null ? List.of() : List.of(new Story.InfoSource(provider, "provider", null)),
                null, "test-feed", null, null);
    }

    public static EnrichedStory enriched(Story s, List<Enrichment.Entity> entities, List<Enrichment.Claim> claims) {
        return new EnrichedStory(s, new Enrichment(s.language(), entities, claims),
                new NlpModel("test", "1", List.of("hand")), Instant.now());
    }

    /** An entity whose mentions are every occurrence of each of {@code texts} in {@code body}. */
    public static Enrichment.Entity entity(String id, String name, EntityType type, List<String> titles, String body,
                                           String... texts) {
        List<Enrichment.Span> spans = new ArrayList<>();
        List<String> sorted = new ArrayList<>(List.of(texts));
        sorted.sort((a, b) -> b.length() - a.length());
        boolean[] taken = new boolean[body.length()];
        for (String t : sorted) {
            for (int i = body.indexOf(t); i >= 0; i = body.indexOf(t, i + 1)) {
                boolean free = true;
                for (int k = i; k < i + t.length(); k++) {
                    free &= !taken[k];
                }
                boolean wordStart = i == 0 || !Character.isLetter(body.charAt(i - 1));
                boolean wordEnd = i + t.length() >= body.length() || !Character.isLetter(body.charAt(i + t.length()));
                if (free && wordStart && wordEnd) {
                    for (int k = i; k < i + t.length(); k++) {
                        taken[k] = true;
                    }
                    spans.add(new Enrichment.Span(i, i + t.length(), t));
                }
            }
        }
        spans.sort((a, b) -> a.start() - b.start());
        return new Enrichment.Entity(id, name, type, titles, spans);
    }

    public static Enrichment.Claim claim(String id, Enrichment.Entity speaker, String body, String content,
                                         Enrichment.Mode mode, Enrichment.Stance stance, Enrichment.Entity recipient,
                                         String time, List<Enrichment.Entity> about) {
        int start = body.indexOf(content);
        if (start < 0) {
            throw new IllegalArgumentException("not in body: " + content);
        }
        return new Enrichment.Claim(id,
                speaker == null ? null : new Enrichment.EntityRef(speaker.id(), speaker.name(), 0, 0, speaker.name()),
                null, new Enrichment.Span(start, start + content.length(), content), mode, stance, Enrichment.Kind.STATEMENT,
                recipient == null ? null : new Enrichment.EntityRef(recipient.id(), recipient.name(), 0, 0, recipient.name()),
                time == null ? null : new Enrichment.TimeRef(time, null),
                about.stream().map(Enrichment.Entity::id).toList(), 0.7, 0.9);
    }

    /** The seed story's body (web furniture stripped). */
    public static String seedBody() {
        String text = Fixtures.seedStory();
        int cut = text.indexOf("\nAsk me anything");
        return cut > 0 ? text.substring(0, cut) : text.strip();
    }

    /** The seed story enriched by hand from gold.json: gold entities (mentions found by text) and gold claims. */
    public static EnrichedStory seed(String uri, int version, Instant time) {
        String body = seedBody();
        JsonNode gold;
        try {
            gold = EventJson.mapper().readTree(Fixtures.seedGold());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, Enrichment.Entity> byKey = new LinkedHashMap<>();
        int n = 1;
        for (JsonNode g : gold.get("entities")) {
            List<String> texts = new ArrayList<>();
            g.path("must_resolve").forEach(t -> texts.add(t.asText()));
            if (texts.isEmpty()) {
                continue;
            }
            List<String> titles = new ArrayList<>();
            g.path("titles").forEach(t -> titles.add(t.asText()));
            byKey.put(g.get("key").asText(), entity("e" + n++, g.get("canonical").asText(),
                    EntityType.valueOf(g.get("type").asText()), titles, body, texts.toArray(new String[0])));
        }
        List<Enrichment.Claim> claims = new ArrayList<>();
        for (JsonNode c : gold.get("claims")) {
            JsonNode a = c.get("content_anchor");
            int start = a.get("start").asInt();
            int end = a.get("end").asInt();
            Enrichment.Entity speaker = byKey.get(c.get("speaker").asText());
            String rk = c.path("recipient").isNull() ? null : c.path("recipient").asText().replace("?", "");
            Enrichment.Entity recipient = rk == null || rk.isEmpty() ? null : byKey.get(rk);
            List<String> about = new ArrayList<>();
            for (Enrichment.Entity e : byKey.values()) {
                if (e != speaker && e.mentions().stream().anyMatch(m -> m.start() >= start && m.end() <= end)) {
                    about.add(e.id());
                }
            }
            String when = c.has("time") ? c.get("time").asText() : null;
            claims.add(new Enrichment.Claim(c.get("id").asText(),
                    new Enrichment.EntityRef(speaker.id(), speaker.name(), 0, 0, speaker.name()),
                    new Enrichment.Cue(0, 0, c.get("cue").asText(), c.get("cue").asText()),
                    new Enrichment.Span(start, end, body.substring(start, end)),
                    Enrichment.Mode.valueOf(c.get("mode").asText()), Enrichment.Stance.valueOf(c.get("stance").asText()),
                    Enrichment.Kind.STATEMENT,
                    recipient == null ? null : new Enrichment.EntityRef(recipient.id(), recipient.name(), 0, 0, recipient.name()),
                    when == null ? null : new Enrichment.TimeRef(when, "today".equals(when) ? "2025-02-10" : null),
                    about, 0.7, 0.9));
        }
        Story s = story(uri, version, PubStatus.USABLE, "Kremlin can neither confirm nor deny Trump-Putin call", body, time,
                "en", "Reuters");
        return enriched(s, new ArrayList<>(byKey.values()), claims);
    }
}
