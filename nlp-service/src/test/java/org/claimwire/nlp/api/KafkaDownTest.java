package org.claimwire.nlp.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import java.util.Map;
import org.claimwire.testsupport.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With no broker reachable the service still starts and enriches; readiness reports Kafka down. */
@QuarkusTest
@TestProfile(KafkaDownTest.NoBroker.class)
class KafkaDownTest {

    /** Enrichment needs a writer or admin key (AuthMatrixTest covers the refusals). */
    @BeforeEach
    void withKey() {
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("X-API-Key", TestKeys.BOOTSTRAP_ADMIN).build();
    }

    @AfterEach
    void withoutKey() {
        RestAssured.requestSpecification = null;
    }

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "localhost:1");
        }
    }

    @Test
    void servesEnrichWhileKafkaIsUnreachable() {
        given().contentType("application/json").body(Map.of("body", "Finance Minister Anna Berg said on Tuesday that taxes would not rise."))
                .when().post("/api/v1/enrich")
                .then().statusCode(200)
                .body("entities.name", hasItem("Anna Berg"))
                .body("claims[0].speaker.name", equalTo("Anna Berg"));
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }
}
