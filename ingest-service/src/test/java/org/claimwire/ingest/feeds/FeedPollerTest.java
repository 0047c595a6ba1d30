package org.claimwire.ingest.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.claimwire.events.EventJson;
import org.claimwire.events.Topics;
import org.claimwire.testsupport.AdminKeyForRestAssured;
import org.claimwire.testsupport.KafkaProbe;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The background poller really polls on its timer: with the poller on and a 200 ms tick, a feed that is
 * only registered (never polled by hand) is fetched, its item published, and its status updated.
 */
@QuarkusTest
@TestProfile(FeedPollerTest.PollerOn.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@ExtendWith(AdminKeyForRestAssured.class) // posting needs a key; AuthMatrixTest covers the refusals
class FeedPollerTest {

    public static class PollerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimwire.ingest.feeds.poller-enabled", "true",
                    "claimwire.ingest.feeds.tick", "200ms",
                    "claimwire.ingest.feeds.fetch-deadline", "10s",
                    "claimwire.ingest.drop.enabled", "false");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void registeredFeedIsPolledByTheTimer() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Timer wire %1$s</title><link>http://example.test/</link>
                <item><guid>urn:poller:%1$s:1</guid><title>Council approves budget %1$s</title>
                  <description>The city council approved next year's budget on Wednesday after a long debate about
                  road repairs and school funding.</description></item>
                </channel></rss>""".formatted(tag);
        try (TestFeedServer server = TestFeedServer.start().serve("/rss", rss, "Content-Type", "application/rss+xml")) {
            String url = server.url("/rss");
            int id = given().contentType("application/json")
                    .body(EventJson.mapper().writeValueAsString(Map.of("url", url, "name", "timer", "intervalSeconds", 60)))
                    .post("/api/v1/feeds").then().statusCode(201).extract().path("id");
            // no POST .../poll: the timer must fetch it
            Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonPath f = given().get("/api/v1/feeds/" + id).then().statusCode(200).extract().jsonPath();
                return "ok".equals(f.getString("lastStatus"));
            });
            assertThat(server.hits("/rss")).isEqualTo(1); // the 60 s interval holds until the next fetch
            JsonPath f = given().get("/api/v1/feeds/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(f.getInt("itemsSeen")).isEqualTo(1);
            assertThat(f.getInt("itemsPublished")).isEqualTo(1);
            assertThat(f.getString("lastFetchedAt")).isNotBlank();
            assertThat(f.getString("nextFetchAt")).isNotBlank();
            assertThat(KafkaProbe.await(bootstrap, Topics.STORIES_RAW,
                    r -> (FeedService.uriScope(id) + "urn:poller:" + tag + ":1").equals(r.key()),
                    Duration.ofSeconds(20))).isNotNull();
            Thread.sleep(1000); // several more ticks: not due again, so not fetched again
            assertThat(server.hits("/rss")).isEqualTo(1);
            given().delete("/api/v1/feeds/" + id).then().statusCode(204);
        }
    }

    /**
     * A deliberately slow feed server (a byte every 200 ms, forever) holds one poller thread until the fetch
     * deadline; a fast feed registered after it is polled meanwhile.
     */
    @Test
    void aSlowFeedDelaysNoOtherAndIsCutOffAtTheDeadline() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String rss = """
                <rss version="2.0"><channel><title>Fast wire %1$s</title>
                <item><guid>urn:fast:%1$s</guid><title>Ferry timetable changes %1$s</title>
                  <description>The ferry company said on Monday that winter sailings start a week earlier.</description></item>
                </channel></rss>""".formatted(tag);
        try (TestFeedServer server = TestFeedServer.start().trickle("/slow", "<rss version=\"2.0\"><channel>", 300)
                .serve("/fast", rss)) {
            String base = server.base();
            int slow = given().contentType("application/json")
                    .body(EventJson.mapper().writeValueAsString(Map.of("url", base + "/slow", "intervalSeconds", 600)))
                    .post("/api/v1/feeds").then().statusCode(201).extract().path("id");
            Thread.sleep(600); // the slow one is being fetched
            long t0 = System.nanoTime();
            int fast = given().contentType("application/json")
                    .body(EventJson.mapper().writeValueAsString(Map.of("url", base + "/fast", "intervalSeconds", 600)))
                    .post("/api/v1/feeds").then().statusCode(201).extract().path("id");
            Awaitility.await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
                    "ok".equals(given().get("/api/v1/feeds/" + fast).then().extract().path("lastStatus")));
            long fastMs = (System.nanoTime() - t0) / 1_000_000;
            JsonPath slowNow = given().get("/api/v1/feeds/" + slow).then().extract().jsonPath();
            assertThat(slowNow.getString("lastStatus")).as("the slow feed is still being read when the fast one is "
                    + "done (%d ms); %s", fastMs, slowNow.getString("lastError")).isNull();
            assertThat(fastMs).isLessThan(6000);
            Awaitility.await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() ->
                    "timeout".equals(given().get("/api/v1/feeds/" + slow).then().extract().path("lastStatus")));
            given().delete("/api/v1/feeds/" + slow).then().statusCode(204);
            given().delete("/api/v1/feeds/" + fast).then().statusCode(204);
        }
    }
}
