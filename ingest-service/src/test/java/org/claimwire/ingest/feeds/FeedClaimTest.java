package org.claimwire.ingest.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimwire.events.EventJson;
import org.claimwire.testsupport.AdminKeyForRestAssured;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several replicas share one feed registry; each due feed must be polled by one of them only. The claim is
 * an atomic UPDATE in PostgreSQL, so racing claimers (threads here, replicas in production) get one winner.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@ExtendWith(AdminKeyForRestAssured.class) // posting needs a key; AuthMatrixTest covers the refusals
class FeedClaimTest {

    @Inject
    FeedService feeds;

    private long register() throws Exception {
        String url = "http://127.0.0.1:9/claim-" + UUID.randomUUID() + ".xml";
        Integer id = given().contentType("application/json")
                .body(EventJson.mapper().writeValueAsString(Map.of("url", url, "name", "claim", "intervalSeconds", 600)))
                .post("/api/v1/feeds").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    @Test
    void exactlyOneOfManyRacingClaimersWinsADueFeed() throws Exception {
        long id = register();
        assertThat(feeds.dueFeeds()).contains(id);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claimers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claimers.add(() -> feeds.claim(id));
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(claimers)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // claimed: no longer due for anybody until the lease ends or the poll sets the next fetch time
        assertThat(feeds.dueFeeds()).doesNotContain(id);
        assertThat(feeds.claim(id)).isFalse();
    }

    @Test
    void afterThePollTheFeedWaitsForItsIntervalNotTheLease() throws Exception {
        long id = register();
        assertThat(feeds.claim(id)).isTrue();
        var polled = feeds.poll(id); // port 9 refuses: an error, backoff from the feed's 600 s interval
        assertThat(polled.consecutiveErrors).isEqualTo(1);
        assertThat(polled.nextFetchAt).isAfterOrEqualTo(polled.lastFetchedAt.plusSeconds(600));
        assertThat(feeds.claim(id)).isFalse();
    }

    @Test
    void aDisabledFeedCannotBeClaimed() throws Exception {
        long id = register();
        given().contentType("application/json").body("{\"enabled\":false}").patch("/api/v1/feeds/" + id)
                .then().statusCode(200);
        assertThat(feeds.claim(id)).isFalse();
    }
}
