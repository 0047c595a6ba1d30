package org.claimwire.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.claimwire.events.Topics;
import org.claimwire.testsupport.AdminKeyForRestAssured;
import org.claimwire.testsupport.KafkaProbe;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker cannot take a story: the {@code stories-out} producer bootstraps through a port where nothing
 * listens (a {@link TcpProxy} that is opened later), with short producer timeouts. The publish really
 * fails, the API answers 503 with Retry-After and a problem body, the dedupe decision is taken back, and two
 * copies racing each other are never answered "duplicate" while nothing was published. Once the proxy is
 * opened, the same stories are accepted (not "duplicate") and reach the topic.
 */
@QuarkusTest
@TestProfile(BrokerDownTest.BrokerDown.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@ExtendWith(AdminKeyForRestAssured.class) // posting needs a key; AuthMatrixTest covers the refusals
class BrokerDownTest {
    static final String PORT_PROPERTY = "claimwire.test.broker-proxy-port";

    public static class BrokerDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.stories-out.bootstrap.servers", "127.0.0.1:" + proxyPort(),
                    "mp.messaging.outgoing.stories-out.max.block.ms", "1000",
                    "mp.messaging.outgoing.stories-out.request.timeout.ms", "1000",
                    "mp.messaging.outgoing.stories-out.delivery.timeout.ms", "2000",
                    "mp.messaging.outgoing.stories-out.reconnect.backoff.max.ms", "200",
                    "claimwire.ingest.publish-timeout", "6s",
                    "claimwire.ingest.retry-after-seconds", "7");
        }
    }

    /** One port per test JVM, kept in a system property (the profile and the test may see different loaders). */
    static synchronized int proxyPort() {
        String p = System.getProperty(PORT_PROPERTY);
        if (p == null) {
            p = String.valueOf(TcpProxy.freePort());
            System.setProperty(PORT_PROPERTY, p);
        }
        return Integer.parseInt(p);
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String story(String uri, String tag, String body) throws Exception {
        return IngestServiceTest.json(Map.of("uri", uri, "headline", "Story " + tag, "body", body + " Marker " + tag + "."));
    }

    static Response post(String body) {
        return given().contentType("application/json").body(body).post("/api/v1/stories");
    }

    @Test
    void unavailableBrokerAnswers503AndTheDecisionIsTakenBack() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String uri = "urn:test:broker-down:" + tag;
        String doc = story(uri, tag, "Grain exports from the northern ports resumed on Friday after a week-long "
                + "strike by dock workers ended with a pay deal, the port operator said, adding that a backlog of "
                + "ships would take several days to clear.");

        Response r = post(doc);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("7");
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getInt("status")).isEqualTo(503);
        assertThat(r.jsonPath().getString("type")).contains("/problems/broker-unavailable");
        assertThat(r.jsonPath().getString("title")).isEqualTo("Service unavailable");
        assertThat(r.jsonPath().getString("detail")).contains("retry");
        assertThat(r.jsonPath().getString("instance")).isEqualTo("/api/v1/stories");

        // the retry is not "duplicate": the first decision was taken back (the broker is still down: 503 again)
        Response retry = post(doc);
        assertThat(retry.statusCode()).isEqualTo(503);

        // two copies of another story together: neither may be answered "duplicate" while nothing is published
        String raceUri = "urn:test:broker-down-race:" + tag;
        String raceDoc = story(raceUri, tag + "-race", "The national weather service warned of heavy snow in the "
                + "mountains over the weekend and advised drivers to carry chains, as two passes were closed after "
                + "avalanches and rail services were cut back.");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> both = List.of(pool.submit(() -> post(raceDoc)), pool.submit(() -> post(raceDoc)));
            for (Future<Response> f : both) {
                Response rr = f.get(60, TimeUnit.SECONDS);
                assertThat(rr.statusCode()).as(rr.asString()).isEqualTo(503);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(KafkaProbe.poll(bootstrap, Topics.STORIES_RAW, Integer.MAX_VALUE, Duration.ofSeconds(2)))
                .noneMatch(rec -> rec.value().contains(tag));

        // the broker comes back: the same stories are accepted, published once, and only then duplicates
        try (TcpProxy proxy = new TcpProxy(proxyPort(), bootstrap.split(",")[0])) {
            proxy.open();
            Response[] answer = new Response[1];
            Awaitility.await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() -> {
                answer[0] = post(doc);
                return answer[0].statusCode() == 202;
            });
            assertThat(answer[0].jsonPath().getString("status")).as(answer[0].asString()).isEqualTo("accepted");
            Response race = post(raceDoc);
            assertThat(race.statusCode()).isEqualTo(202);
            assertThat(race.jsonPath().getString("status")).as(race.asString()).isEqualTo("accepted");
            Response dup = post(raceDoc);
            assertThat(dup.statusCode()).isEqualTo(202);
            assertThat(dup.jsonPath().getString("status")).isEqualTo("duplicate");
            assertThat(KafkaProbe.await(bootstrap, Topics.STORIES_RAW, rec -> uri.equals(rec.key()),
                    Duration.ofSeconds(20))).isNotNull();
            assertThat(KafkaProbe.await(bootstrap, Topics.STORIES_RAW, rec -> raceUri.equals(rec.key()),
                    Duration.ofSeconds(20))).isNotNull();
        }
    }
}
