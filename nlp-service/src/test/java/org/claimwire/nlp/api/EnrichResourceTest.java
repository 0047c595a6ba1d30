package org.claimwire.nlp.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.claimwire.testsupport.AdminKeyForRestAssured;
import org.claimwire.testsupport.Fixtures;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.ServesOpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /api/v1/enrich and its 4xx answers (same Quarkus app as {@code StoryFlowTest}). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@ExtendWith(AdminKeyForRestAssured.class) // enrichment needs a key; AuthMatrixTest covers the refusals
class EnrichResourceTest implements ServesOpenApiContract {

    @Test
    void enrichesTheSeedStory() {
        given().contentType("application/json")
                .body(Map.of("headline", "Kremlin neither confirms nor denies", "body", Fixtures.seedStory(), "language", "en",
                        "date", "2025-02-10"))
                .when().post("/api/v1/enrich")
                .then().statusCode(200)
                .body("language", equalTo("en"))
                .body("entities.findAll { it.type == 'PERSON' }.name",
                        hasItems("Dmitry Peskov", "Donald Trump", "Vladimir Putin", "Volodymyr Zelensky"))
                .body("claims.size()", greaterThanOrEqualTo(17))
                .body("claims[0].speaker.name", equalTo("Dmitry Peskov"))
                .body("claims[0].stance", equalTo("NEITHER_CONFIRMS_NOR_DENIES"))
                .body("claims[0].time.normalized", equalTo("2025-02-10"));
    }

    @Test
    void emptyBodyIs400Problem() {
        given().contentType("application/json").body(Map.of("headline", "x", "body", "  "))
                .when().post("/api/v1/enrich")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("status", equalTo(400)).body("type", equalTo("https://claimwire.org/problems/malformed")).body("detail", containsString("no body text")).body("instance", equalTo("/api/v1/enrich"));
        given().contentType("application/json").body("")
                .when().post("/api/v1/enrich")
                .then().statusCode(400).contentType(containsString("application/problem+json"));
    }

    @Test
    void frameworkErrorsAreProblemsToo() {
        given().get("/api/v1/enrich").then().statusCode(405).contentType(containsString("application/problem+json"))
                .body("type", equalTo("about:blank")).body("title", equalTo("Method Not Allowed"))
                .body("instance", equalTo("/api/v1/enrich"));
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(containsString("application/problem+json"))
                .body("type", equalTo("about:blank")).body("status", equalTo(404));
    }

    @Test
    void invalidJsonIs400Problem() {
        given().contentType("application/json").body("{\"body\": ")
                .when().post("/api/v1/enrich")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://claimwire.org/problems/malformed")).body("detail", containsString("not valid JSON"));
    }

    @Test
    void fiveMebibyteBodyIs413Problem() {
        String big = "The minister said the economy grew. ".repeat(5 * 1024 * 1024 / 36 + 1);
        given().contentType("application/json").body(Map.of("body", big))
                .when().post("/api/v1/enrich")
                .then().statusCode(413).contentType(containsString("application/problem+json"))
                .body("status", equalTo(413)).body("type", equalTo("https://claimwire.org/problems/too-large"));
    }

    @Test
    void binaryGarbageIs4xxProblem() {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        given().contentType("application/json").body(garbage)
                .when().post("/api/v1/enrich")
                .then().statusCode(400).contentType(containsString("application/problem+json"));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append((char) (i % 31 + 1));
        }
        given().contentType("application/json").body(Map.of("body", sb.toString()))
                .when().post("/api/v1/enrich")
                .then().statusCode(422).contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://claimwire.org/problems/not-a-story")).body("title", equalTo("Not a text story"));
    }

    @Test
    void nonEnglishGetsALanguageAndNoClaims() {
        given().contentType("application/json")
                .body(Map.of("body", "Der Bundeskanzler sagte am Dienstag, dass die Regierung die Steuern nicht erhöhen werde "
                        + "und dass die Wirtschaft wachse."))   // no declared language: nlp guesses (issue 18)
                .when().post("/api/v1/enrich")
                .then().statusCode(200).body("language", equalTo("de")).body("claims", empty());
    }

    @Test
    void metricsAndReadiness() {
        given().contentType("application/json").body(Map.of("body", "Anna Berg said taxes would not rise."))
                .when().post("/api/v1/enrich").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("claimwire_nlp_enrich_latency_seconds_bucket"))
                .body(containsString("claimwire_nlp_stories_enriched_total"))
                .body(containsString("claimwire_nlp_stories_failed_total"));
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("corenlp-pipeline"));
    }
}
