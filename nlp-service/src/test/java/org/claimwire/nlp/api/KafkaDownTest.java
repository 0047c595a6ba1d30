package org.claimwire.nlp.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.claimwire.testsupport.AdminKeyForRestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With no broker reachable the service still starts and enriches; readiness reports Kafka down. */
@QuarkusTest
@TestProfile(KafkaDownTest.NoBroker.class)
@ExtendWith(AdminKeyForRestAssured.class) // enrichment needs a key; AuthMatrixTest covers the refusals
class KafkaDownTest {

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
