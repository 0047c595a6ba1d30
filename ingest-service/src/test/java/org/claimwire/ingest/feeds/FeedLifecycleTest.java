package org.claimwire.ingest.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.claimwire.events.EventJson;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the feed's server says is honoured: ttl, max-age, Retry-After with 429, 301 moves the feed, 410 disables it. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(org.claimwire.testsupport.AdminKeyForRestAssured.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class FeedLifecycleTest {
    TestFeedServer server;
    String base;
    String tag;

    @BeforeEach
    void start() throws Exception {
        tag = UUID.randomUUID().toString().substring(0, 8);
        String rss = """
                <rss version="2.0"><channel><title>Lifecycle %1$s</title><ttl>90</ttl>
                <item><guid>1</guid><title>Rail strike called off %1$s</title>
                  <description>The union called off Friday's rail strike after talks overnight, it said.</description></item>
                </channel></rss>""".formatted(tag);
        server = TestFeedServer.start()
                .status("/old", 301, "Location", "/new")
                .serve("/new", rss)
                .status("/gone", 410)
                .status("/busy", 429, "Retry-After", "7200");
        base = server.base();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    int register(String path) throws Exception {
        return given().contentType("application/json")
                .body(EventJson.mapper().writeValueAsString(Map.of("url", base + path + "?t=" + tag, "intervalSeconds", 60)))
                .post("/api/v1/feeds").then().statusCode(201).extract().path("id");
    }

    JsonPath poll(int id) {
        return given().post("/api/v1/feeds/" + id + "/poll").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPermanentRedirectMovesTheFeedAndTtlIsHonoured() throws Exception {
        int id = register("/old");
        Instant before = Instant.now();
        JsonPath f = poll(id);
        assertThat(f.getString("lastStatus")).isEqualTo("ok");
        assertThat(f.getString("url")).isEqualTo(base + "/new");
        assertThat(f.getString("movedFrom")).isEqualTo(base + "/old?t=" + tag);
        // <ttl>90</ttl> minutes beats the 60 s interval
        assertThat(Instant.parse(f.getString("nextFetchAt"))).isAfter(before.plus(Duration.ofMinutes(89)));
        poll(id);
        assertThat(server.hits("/old")).as("the old URL is not asked again").isEqualTo(1);
    }

    @Test
    void goneDisablesTheFeedWithTheReason() throws Exception {
        int id = register("/gone");
        JsonPath f = poll(id);
        assertThat(f.getString("lastStatus")).isEqualTo("gone");
        assertThat(f.getBoolean("enabled")).isFalse();
        assertThat(f.getString("disabledReason")).contains("410 Gone");
        given().contentType("application/json").body("{\"enabled\": true}").patch("/api/v1/feeds/" + id)
                .then().statusCode(200);
        assertThat(given().get("/api/v1/feeds/" + id).then().extract().jsonPath().getString("disabledReason")).isNull();
    }

    @Test
    void tooManyRequestsWaitsAsLongAsTheServerAsked() throws Exception {
        int id = register("/busy");
        Instant before = Instant.now();
        JsonPath f = poll(id);
        assertThat(f.getString("lastStatus")).isEqualTo("rate-limited");
        assertThat(f.getInt("lastHttpStatus")).isEqualTo(429);
        assertThat(Instant.parse(f.getString("nextFetchAt"))).isAfter(before.plus(Duration.ofSeconds(7100)));
    }
}
