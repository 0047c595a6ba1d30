package org.claimwire.ingest.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.claimwire.ingest.dedupe.StoryState;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** One bad row in a dedupe-state batch costs only itself, and it shows: backlog, readiness, metric. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(org.claimwire.testsupport.AdminKeyForRestAssured.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class StateWriterTest {
    @Inject
    StateWriter writer;
    @Inject
    StateStore store;

    static StoryState state(String uri) {
        return new StoryState(uri, 1, Instant.parse("2025-02-10T10:00:00Z"), "a".repeat(64), "usable", null, null, "test");
    }

    @Test
    void aBadRowIsIsolatedKeptForRetryAndSurfaced() throws Exception {
        String tag = UUID.randomUUID().toString();
        // PostgreSQL refuses NUL in text: this row can never be written
        List<StoryState> batch = List.of(state("urn:sw:" + tag + ":1"), state("urn:sw:" + tag + ":\u0000bad"),
                state("urn:sw:" + tag + ":3"));
        long before = store.count();
        writer.write(batch);
        assertThat(store.count() - before).as("the good rows of the batch are written").isEqualTo(2);
        assertThat(store.uris(1_000_000)).contains("urn:sw:" + tag + ":1", "urn:sw:" + tag + ":3");
        assertThat(writer.pending()).isEqualTo(1);
        given().get("/q/health/ready").then().statusCode(503);
        String ready = given().get("/q/health/ready").then().extract().asString();
        assertThat(ready).contains("ingest-dedupe-state-writes").containsPattern("\"pending\": ?1").contains("invalid byte sequence");
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains("claimwire_ingest_state_pending 1.0").contains("claimwire_ingest_state_write_failures_total");
        writer.clearBacklog(); // the bad state can never be written; the other tests of this app need a ready service
        given().get("/q/health/ready").then().statusCode(200);
    }

}
