package org.claimwire.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.EntityType;
import org.claimwire.events.PubStatus;
import org.claimwire.query.TestEvents;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** GET /api/v1/stream: live events, the entity filter, and resuming with Last-Event-ID. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class StreamTest {

    record Sse(String id, String event, String data) {
    }

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    static EnrichedStory story(String uri, String person, Instant t) {
        String body = person + " told reporters that the talks went well.";
        var p = TestEvents.entity("e1", person, EntityType.PERSON, List.of(), body, person);
        var c = TestEvents.claim("c1", p, body, "the talks went well", Enrichment.Mode.INDIRECT, Enrichment.Stance.ASSERTS,
                null, null, List.of());
        return TestEvents.enriched(TestEvents.story(uri, 1, PubStatus.USABLE, "Talks", body, t, "en", "StreamWire"),
                List.of(p), List.of(c));
    }

    /** Reads SSE events until {@code done} holds for the list read so far, or the timeout passes. */
    List<Sse> read(String query, String lastEventId, Predicate<List<Sse>> done, Duration timeout, Runnable afterConnect)
            throws Exception {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(stream + query)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            rb.header("Last-Event-ID", lastEventId);
        }
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> resp = client.send(rb.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(resp.statusCode()).isEqualTo(200);
        List<Sse> events = new ArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            String id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            Iterator<String> it = resp.body().iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        synchronized (events) {
                            events.add(new Sse(id, event, data.toString()));
                            if (done.test(events)) {
                                return;
                            }
                        }
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        });
        if (afterConnect != null) {
            afterConnect.run();
        }
        try {
            reader.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // return what was read
        } finally {
            resp.body().close();
        }
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    @Test
    void streamsNewStoriesAndClaimsFilteredByEntityAndResumes() throws Exception {
        Instant t = Instant.parse("2025-05-01T08:00:00Z");
        TestEvents.send(story("urn:test:stream:1", "Ada Streamer", t));
        Api.awaitStory("urn:test:stream:1", 1);

        // live: only events naming Ada Streamer
        List<Sse> live = read("?entity=Ada%20Streamer", null,
                ev -> ev.stream().filter(e -> e.data().contains("urn:test:stream:3")).count() >= 2, Duration.ofSeconds(45), () -> {
                    TestEvents.send(story("urn:test:stream:2", "Bob Elsewhere", t.plusSeconds(60)));
                    TestEvents.send(story("urn:test:stream:3", "Ada Streamer", t.plusSeconds(120)));
                });
        assertThat(live).extracting(Sse::event).contains("story", "claim");
        assertThat(live).allSatisfy(e -> assertThat(e.data()).doesNotContain("urn:test:stream:2")
                .doesNotContain("urn:test:stream:1"));
        assertThat(live.stream().filter(e -> e.event().equals("story")).findFirst().orElseThrow().data())
                .contains("Talks").contains("Ada Streamer");
        // the data is what the OpenAPI document says (StreamEvents), field for field
        com.fasterxml.jackson.databind.ObjectMapper strict = org.claimwire.events.EventJson.mapper().copy()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        for (Sse e : live) {
            Class<?> type = e.event().equals("story") ? org.claimwire.query.api.StreamEvents.StoryEvent.class
                    : org.claimwire.query.api.StreamEvents.ClaimEvent.class;
            assertThat(strict.readValue(e.data(), type)).as(e.data()).isNotNull();
        }
        List<Long> ids = live.stream().map(e -> Long.parseLong(e.id())).toList();
        assertThat(ids).isSorted();

        // resume: from event id 0 the same filter replays story 1 and story 3, in order
        List<Sse> replay = read("?entity=Ada%20Streamer", "0",
                ev -> ev.stream().filter(e -> e.data().contains("urn:test:stream:3")).count() >= 2,
                Duration.ofSeconds(30), null);
        List<String> stories = replay.stream().filter(e -> e.event().equals("story"))
                .map(e -> e.data().contains("urn:test:stream:1") ? "1" : e.data().contains("urn:test:stream:3") ? "3" : "?").toList();
        assertThat(stories).containsExactly("1", "3");
        // and after the last id seen, nothing old comes back
        String lastId = replay.get(replay.size() - 1).id();
        List<Sse> after = read("?entity=Ada%20Streamer", lastId, ev -> !ev.isEmpty(), Duration.ofSeconds(2), null);
        assertThat(after).allSatisfy(e -> assertThat(Long.parseLong(e.id())).isGreaterThan(Long.parseLong(lastId)));
    }
}
