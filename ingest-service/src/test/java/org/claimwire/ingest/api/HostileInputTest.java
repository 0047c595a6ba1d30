package org.claimwire.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.claimwire.events.EventJson;
import org.claimwire.events.Topics;
import org.claimwire.ingest.feeds.TestFeedServer;
import org.claimwire.testsupport.KafkaProbe;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.claimwire.testsupport.TestKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The attacks of issue 15 replayed against ingest-service, each with the answer it must get. Every refusal is
 * also checked on the topic: nothing of a refused input is published.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class HostileInputTest {
    private static final String ADMIN = TestKeys.BOOTSTRAP_ADMIN;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String json(Map<String, Object> m) throws Exception {
        return EventJson.mapper().writeValueAsString(m);
    }

    static Map<String, Object> story(String uri, String headline, String body) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uri", uri);
        m.put("headline", headline);
        m.put("body_text", body);
        return m;
    }

    static RequestSpecification admin() {
        return given().header("X-API-Key", ADMIN);
    }

    static Response post(Map<String, Object> doc) throws Exception {
        return admin().contentType("application/json").body(json(doc)).post("/api/v1/stories");
    }

    ConsumerRecord<String, String> recordFor(String uri, int version) {
        return KafkaProbe.await(bootstrap, Topics.STORIES_RAW,
                r -> uri.equals(r.key()) && r.value().contains("\"version\":" + version + ","), Duration.ofSeconds(20));
    }

    List<ConsumerRecord<String, String>> published(String marker) {
        return KafkaProbe.poll(bootstrap, Topics.STORIES_RAW, Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                .filter(r -> r.value() != null && r.value().contains(marker)).toList();
    }

    /**
     * A forged update dated 2999 (or an hour ahead) of an existing uri → 400 implausible-date, so the real update
     * that follows is version 2, not "stale".
     */
    @Test
    void forgedFutureVersionIsRefusedAndTheRealUpdateWins() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String uri = "urn:hostile:future:" + tag;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> v1 = story(uri, "Council approves budget " + tag, "The council approved the budget on Monday.");
        v1.put("versionCreated", now.minus(1, ChronoUnit.HOURS).toString());
        post(v1).then().statusCode(202).body("version", equalTo(1));
        for (String forgedDate : List.of("2999-01-01T00:00:00Z", now.plus(1, ChronoUnit.HOURS).toString(),
                "+300000-01-01T00:00:00Z", "1700-01-01T00:00:00Z")) {
            Map<String, Object> forged = story(uri, "FORGED " + tag, "The council rejected the budget.");
            forged.put("versionCreated", forgedDate);
            post(forged).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://claimwire.org/problems/implausible-date"))
                    .body("detail", containsString("versionCreated"));
        }
        Map<String, Object> forgedFirst = story(uri, "FORGED " + tag, "The council rejected the budget.");
        forgedFirst.put("firstCreated", "2999-01-01T00:00:00Z");
        post(forgedFirst).then().statusCode(400).body("detail", containsString("firstCreated"));
        // a sender whose clock is a few minutes ahead is still accepted
        Map<String, Object> real = story(uri, "Council approves budget " + tag,
                "The council approved the budget on Monday after a long debate.");
        real.put("versionCreated", now.plus(5, ChronoUnit.MINUTES).toString());
        post(real).then().statusCode(202).body("status", equalTo("updated")).body("version", equalTo(2));
        assertThat(recordFor(uri, 2).value()).contains("after a long debate");
        assertThat(published("FORGED " + tag)).isEmpty();
    }

    /** The same in a batch (the line is refused, the others taken), a dropped file and a feed item. */
    @Test
    void futureDatesInBatchesDropsAndFeedsAreSkippedWithAReason() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        Map<String, Object> bad = story("urn:hostile:batch-future:" + tag, "FUTURE " + tag, "Dated tomorrow.");
        bad.put("versionCreated", future);
        String ndjson = json(story("urn:hostile:batch-ok:" + tag, "Port reopens " + tag, "The port reopened."))
                + "\n" + json(bad) + "\n";
        admin().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/stories/batch").then().statusCode(202)
                .body("counts.accepted", equalTo(1)).body("counts.error", equalTo(1))
                .body("results[0].line", equalTo(2)).body("results[0].error.status", equalTo(400))
                .body("results[0].error.detail", containsString("in the future"));

        Path drop = Path.of("target/drop");
        Files.createDirectories(drop);
        Path tmp = Files.createTempFile(Path.of("target"), "drop", ".tmp");
        Files.writeString(tmp, json(bad));
        Files.move(tmp, drop.resolve("future-" + tag + ".json"));
        Path reason = drop.resolve("failed/future-" + tag + ".json.reason");
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> Files.exists(reason));
        assertThat(Files.readString(reason)).startsWith("400").contains("in the future");

        String pubDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plus(2, ChronoUnit.DAYS)
                .atOffset(ZoneOffset.UTC));
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Hostile %1$s</title><link>http://example.test/</link>
                <item><guid>future-%1$s</guid><title>FUTURE %1$s</title><description>Dated the day after tomorrow.</description>
                  <pubDate>%2$s</pubDate></item>
                <item><guid>ok-%1$s</guid><title>Bridge repairs %1$s</title>
                  <description>Repairs to the old bridge will start next month, the city said.</description></item>
                </channel></rss>""".formatted(tag, pubDate);
        try (TestFeedServer server = TestFeedServer.start().serve("/rss", rss, "Content-Type", "application/rss+xml")) {
            String url = server.url("/rss");
            int id = admin().contentType("application/json").body(json(Map.of("url", url, "intervalSeconds", 60)))
                    .post("/api/v1/feeds").then().statusCode(201).extract().path("id");
            admin().post("/api/v1/feeds/" + id + "/poll").then().statusCode(200)
                    .body("lastStatus", equalTo("ok-with-errors")).body("itemsPublished", equalTo(1))
                    .body("lastError", containsString("in the future"));
            ConsumerRecord<String, String> dlq = KafkaProbe.await(bootstrap, Topics.INGEST_DLQ,
                    r -> r.value().contains("future-" + tag), Duration.ofSeconds(20));
            assertThat(KafkaProbe.header(dlq, Topics.DLQ_REASON_HEADER)).contains("in the future");
            admin().delete("/api/v1/feeds/" + id).then().statusCode(204);
        }
        assertThat(published("FUTURE " + tag)).isEmpty();
        assertThat(published("Bridge repairs " + tag)).hasSize(1);
    }

    /** 50,000 nested elements → 400 naming the nesting, not a StackOverflowError (500). */
    @Test
    void hugeNewsMlNestingIsRefused() {
        String deep = "<x>".repeat(50_000) + "</x>".repeat(50_000);
        admin().contentType("application/vnd.iptc.g2.newsitem+xml")
                .body(("<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' guid='urn:hostile:deep'><contentSet>"
                        + "<inlineXML contenttype='application/xhtml+xml'>" + deep + "</inlineXML></contentSet></newsItem>")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/stories").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("nested"));
    }

    /**
     * The test broker's topics carry deploy/'s per-topic limits (RecordSizes: raw stories 2 x max-story-bytes +
     * 128 KiB, enriched 16 MiB), not only the broker-wide 16 MiB, so the next test proves the story fits its topic.
     */
    @Test
    void topicsCarryDeploysSizeLimits() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            for (String topic : List.of(Topics.STORIES_RAW, Topics.STORIES_ENRICHED, Topics.INGEST_DLQ)) {
                var resource = new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
                String limit = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get("max.message.bytes").value();
                assertThat(Integer.parseInt(limit)).as(topic).isEqualTo(org.claimwire.events.RecordSizes
                        .topicMaxMessageBytes(topic, org.claimwire.events.RecordSizes.DEFAULT_MAX_STORY_BYTES));
            }
        }
    }

    /** A 1,000,000-byte story (inside the 1 MiB limit) is published, not "503 retry" forever; 1 MiB + 1 → 413. */
    @Test
    void millionByteStoryIsPublishedAndOneByteOverTheLimitIs413() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String uri = "urn:hostile:big:" + tag;
        String sentence = "The committee said the \"plan\" would \\ cost more than expected.\n";
        StringBuilder body = new StringBuilder();
        String head = "{\"uri\":\"" + uri + "\",\"headline\":\"Big " + tag + "\",\"body_text\":\"";
        while (head.length() + body.length() + 2 < 1_000_000 - 64) {
            body.append(sentence.replace("\"", "\\\"").replace("\\ ", "\\\\ ").replace("\n", "\\n"));
        }
        byte[] doc = (head + body + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(doc.length).isBetween(990_000, 1_000_000);
        admin().contentType("application/json").body(doc).post("/api/v1/stories").then().statusCode(202)
                .body("status", equalTo("accepted"));
        assertThat(recordFor(uri, 1)).isNotNull();
        byte[] over = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(over, (byte) ' ');
        byte[] start = ("{\"uri\":\"" + uri + ":over\",\"body\":\"").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, over, 0, start.length);
        over[over.length - 2] = '"';
        over[over.length - 1] = '}';
        admin().contentType("application/json").body(over).post("/api/v1/stories").then().statusCode(413)
                .contentType("application/problem+json");
    }

    /**
     * Amplification: 100,000 lines of {@code {}} (300 KB) once got a 15.6 MB reply. Now: over 10,000 lines → 413
     * with a short problem and nothing taken; a good batch answers counts only; failed lines only are listed.
     */
    @Test
    void batchOfManyEmptyLinesIsCappedAndAnswersAreSmall() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String hundredThousand = "{}\n".repeat(100_000);
        Response r = admin().contentType("application/x-ndjson").body(hundredThousand.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/stories/batch");
        r.then().statusCode(413).contentType("application/problem+json").body("detail", containsString("10000 lines"));
        assertThat(r.asByteArray().length).isLessThan(1_000);

        // 10,000 lines pass the cap: every one fails ("{}" has no text), so every one is listed, and no more
        String tenThousand = "{}\n".repeat(10_000);
        Response all = admin().contentType("application/x-ndjson").body(tenThousand.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/stories/batch");
        all.then().statusCode(202).body("lines", equalTo(10_000)).body("counts.error", equalTo(10_000))
                .body("results.size()", equalTo(10_000));
        assertThat(all.asByteArray().length).as("about 200 bytes per failed line").isLessThan(10_000 * 300);

        // one line over the cap refuses the whole batch, good lines included: nothing is published
        StringBuilder over = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            over.append(json(story("urn:hostile:cap:" + tag + ":" + i, "CAPPED " + tag + " " + i, "Line " + i + " of a batch.")))
                    .append('\n');
        }
        admin().contentType("application/x-ndjson").body(over.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/stories/batch").then().statusCode(413);
        assertThat(published("CAPPED " + tag)).isEmpty();

        // a good batch answers with counts and no per-line results
        StringBuilder good = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            good.append(json(story("urn:hostile:good:" + tag + ":" + i, "Harbour " + tag + " item " + i,
                    "Ferry number " + i + " left the harbour at " + (i % 24) + " o'clock, the port authority said.")))
                    .append('\n');
        }
        Response counted = admin().contentType("application/x-ndjson").body(good.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/stories/batch");
        counted.then().statusCode(202).body("lines", equalTo(500)).body("results.size()", equalTo(0));
        JsonNode counts = EventJson.mapper().readTree(counted.asString()).get("counts");
        assertThat(counts.path("accepted").asInt() + counts.path("near_duplicate").asInt()).isEqualTo(500);
        assertThat(counted.asByteArray().length).isLessThan(200);
    }

    /** A {@code javascript:} or {@code data:} url → 400, nothing published; an https url is kept. */
    @Test
    void nonHttpUrlsAreRefused() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (String url : List.of("javascript:alert(document.cookie)", "JavaScript:alert(1)",
                "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "//evil.example/x", "vbscript:msgbox")) {
            Map<String, Object> doc = story("urn:hostile:url:" + tag, "SCRIPTED " + tag, "A story with a bad link.");
            doc.put("url", url);
            post(doc).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("http or https"));
        }
        assertThat(published("SCRIPTED " + tag)).isEmpty();
        Map<String, Object> ok = story("urn:hostile:url-ok:" + tag, "Linked " + tag, "A story with a good link.");
        ok.put("url", "https://example.com/news/" + tag);
        post(ok).then().statusCode(202);
        assertThat(recordFor("urn:hostile:url-ok:" + tag, 1).value()).contains("\"url\":\"https://example.com/news/" + tag);
    }

    /** What a page elsewhere can send through a visitor's browser: text/plain with its own Origin → 403. */
    @Test
    void foreignOriginTextPlainPostsAreRefused() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String doc = json(story("urn:hostile:csrf:" + tag, "CSRF " + tag, "Posted by a page elsewhere."));
        for (String path : List.of("/api/v1/stories/batch", "/api/v1/stories")) {
            given().header("Origin", "https://evil.example").contentType("text/plain").body(doc).post(path)
                    .then().statusCode(403).contentType("application/problem+json");
            // even with the key a browser would not have
            admin().header("Origin", "https://evil.example").contentType("text/plain").body(doc).post(path)
                    .then().statusCode(403);
        }
        assertThat(published("CSRF " + tag)).isEmpty();
    }

    /** Every write without a key → 401, with an unknown key → 401; nothing published. */
    @Test
    void writesWithoutAValidKeyAreRefused() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String doc = json(story("urn:hostile:nokey:" + tag, "NOKEY " + tag, "Posted without a key."));
        String kill = json(Map.of("uri", "urn:hostile:nokey:" + tag, "pubStatus", "canceled"));
        for (String key : new String[] {null, "cw_not-a-key", ""}) {
            RequestSpecification g = key == null ? given() : given().header("X-API-Key", key);
            g.contentType("application/json").body(doc).post("/api/v1/stories").then().statusCode(401)
                    .contentType("application/problem+json");
            RequestSpecification g2 = key == null ? given() : given().header("X-API-Key", key);
            g2.contentType("application/x-ndjson").body(doc.getBytes(StandardCharsets.UTF_8)).post("/api/v1/stories/batch").then().statusCode(401);
            RequestSpecification g3 = key == null ? given() : given().header("X-API-Key", key);
            g3.contentType("application/json").body(kill).post("/api/v1/stories").then().statusCode(401);
            RequestSpecification g4 = key == null ? given() : given().header("Authorization", "Bearer " + key);
            g4.contentType("application/json").body(json(Map.of("url", "http://127.0.0.1:9/rss")))
                    .post("/api/v1/feeds").then().statusCode(401);
        }
        assertThat(published("NOKEY " + tag)).isEmpty();
    }
}
