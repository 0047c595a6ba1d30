package org.claimwire.nlp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.claimwire.events.CloudEventTypes;
import org.claimwire.events.EventJson;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.events.Topics;
import org.claimwire.testsupport.Fixtures;
import org.claimwire.testsupport.KafkaProbe;
import org.claimwire.testsupport.KafkaTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Hostile input to nlp-service, each case with the answer it must get (issue 15). Runs with one REST slot
 * and one place in the REST queue ({@code %test} profile).
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(org.claimwire.testsupport.AdminKeyForRestAssured.class)
@QuarkusTestResource(KafkaTestResource.class)
class HostileInputTest {

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** REST flood: past one running and one waiting request, 503 with Retry-After at once; no request hangs. */
    @Test
    void restFloodBeyondItsQueueIs503WithRetryAfter() throws Exception {
        Map<String, String> req = Map.of("headline", "h", "body", Fixtures.seedStory(), "language", "en");
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return given().contentType("application/json").body(req).post("/api/v1/enrich");
                }));
            }
            go.countDown();
            int ok = 0;
            int busy = 0;
            for (Future<Response> f : answers) {
                Response r = f.get();
                if (r.statusCode() == 200) {
                    ok++;
                } else {
                    assertThat(r.statusCode()).isEqualTo(503);
                    assertThat(r.header("Retry-After")).isEqualTo("5");
                    assertThat(r.contentType()).contains("application/problem+json");
                    busy++;
                }
            }
            assertThat(ok).isGreaterThanOrEqualTo(1);
            assertThat(busy).as("requests beyond one running and one queued").isGreaterThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // the lane is free again afterwards
        given().contentType("application/json").body(Map.of("body", "Mayor Ana Ruiz said the bridge would reopen."))
                .post("/api/v1/enrich").then().statusCode(200);
    }

    /** Bad REST input: 400/413 problems, never 5xx. */
    @Test
    void badRequestsAreClear4xx() {
        given().contentType("application/json").body("{\"body\": 42").post("/api/v1/enrich").then().statusCode(400)
                .contentType(containsString("problem+json"));
        given().contentType("application/json").body(new byte[] {(byte) 0xC3, (byte) 0x28}).post("/api/v1/enrich")
                .then().statusCode(400).body("detail", containsString("UTF-8"));
        given().contentType("application/json").body("{\"body\": \"" + "a".repeat(9 * 1024 * 1024) + "\"}")
                .post("/api/v1/enrich").then().statusCode(413);
    }

    /**
     * A permanent publish error (the enriched record is larger than the topic admits: RecordTooLargeException
     * from the real broker) dead-letters the story with the reason, once, instead of retrying it forever; the
     * next story flows once the topic admits it again.
     */
    @Test
    void anEnrichedEventTooLargeForItsTopicIsDeadLetteredNotRetriedForever() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.STORIES_ENRICHED);
            alter(admin, topic, "2000");
            String uri = "urn:test:too-large:" + UUID.randomUUID();
            try {
                send(uri, "Finance Minister Anna Berg said on Tuesday that taxes would not rise next year, and "
                        + "opposition leader Tom Hale said the budget was \"a fantasy\". ".repeat(8));
                ConsumerRecord<String, String> dead = KafkaProbe.await(bootstrap(), Topics.NLP_DLQ,
                        r -> uri.equals(r.key()), Duration.ofSeconds(120));
                assertThat(dead).as("dead-lettered").isNotNull();
                assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER)).contains("RecordTooLarge");
            } finally {
                alter(admin, topic, "16777216");
            }
            String next = "urn:test:after-too-large:" + UUID.randomUUID();
            send(next, "Mayor Ana Ruiz said on Monday that the bridge would reopen in May.");
            assertThat(KafkaProbe.await(bootstrap(), Topics.STORIES_ENRICHED, r -> next.equals(r.key()),
                    Duration.ofSeconds(120))).isNotNull();
        }
    }

    private static void alter(Admin admin, ConfigResource topic, String maxMessageBytes) throws Exception {
        Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", maxMessageBytes),
                AlterConfigOp.OpType.SET));
        admin.incrementalAlterConfigs(Map.of(topic, ops)).all().get();
    }

    private static void send(String uri, String body) throws Exception {
        Instant t = Instant.parse("2025-02-10T12:00:00Z");
        Story s = new Story(uri, 1, t, t, PubStatus.USABLE, "en", "headline", null, body, null, null, null, null,
                "test-feed", null, null);
        KafkaProbe.send(bootstrap(), Topics.STORIES_RAW, uri, EventJson.mapper().writeValueAsString(s),
                Map.of("ce_specversion", "1.0", "ce_type", CloudEventTypes.STORY_INGESTED, "ce_source", "test",
                        "ce_id", UUID.randomUUID().toString()));
    }
}
