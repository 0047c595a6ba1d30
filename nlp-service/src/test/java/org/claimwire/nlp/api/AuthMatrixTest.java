package org.claimwire.nlp.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.claimwire.security.ApiKeys;
import org.claimwire.testsupport.KafkaBroker;
import org.claimwire.testsupport.KafkaProbe;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * nlp's one write route, POST /api/v1/enrich, against no key, a wrong key, a revoked key, reader, writer
 * and admin keys; keys nlp only hears of through the key topic (as when ingest or query made them); the
 * origin guard. Enrichment takes text, not uris, so "another source's uri" does not arise here.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class AuthMatrixTest {
    static final String ADMIN = TestKeys.BOOTSTRAP_ADMIN;
    static final String TOPIC = "claimwire.api-keys";
    static final Map<String, String> TEXT = Map.of("body", "Finance Minister Anna Berg said on Tuesday that taxes would not rise.");

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void noDefaultKey() {
        RestAssured.requestSpecification = null;
    }

    private String url() {
        return base.toString().replaceAll("/$", "");
    }

    private static io.restassured.response.Response enrich(RequestSpecification r) {
        return r.contentType("application/json").body(TEXT).post("/api/v1/enrich");
    }

    @Test
    void refusesMissingWrongAndRevokedKeysAndReaders() {
        enrich(given()).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        enrich(given().header("X-API-Key", "cw_wrong")).then().statusCode(401).body("detail", not(containsString("cw_wrong")));
        TestKeys.Made revoked = TestKeys.make(url(), ADMIN, "writer", "wire-a", List.of("urn:wire-a:"));
        enrich(given().header("X-API-Key", revoked.secret())).then().statusCode(200);
        TestKeys.revoke(url(), ADMIN, revoked.id());
        enrich(given().header("X-API-Key", revoked.secret())).then().statusCode(401);
        TestKeys.Made reader = TestKeys.make(url(), ADMIN, "reader", null, List.of());
        enrich(given().header("X-API-Key", reader.secret())).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void writerAndAdminKeysEnrich() {
        TestKeys.Made writer = TestKeys.make(url(), ADMIN, "writer", "wire-b", List.of("urn:wire-b:"));
        TestKeys.Made admin = TestKeys.make(url(), ADMIN, "admin", null, List.of());
        enrich(given().header("X-API-Key", writer.secret())).then().statusCode(200);
        enrich(given().header("Authorization", "Bearer " + admin.secret())).then().statusCode(200);
        enrich(given().header("X-API-Key", ADMIN)).then().statusCode(200);
    }

    @Test
    void learnsAndForgetsKeysFromTheKeyTopic() {
        String secret = ApiKeys.newSecret();
        String id = ApiKeys.newId();
        String record = "{\"id\":\"" + id + "\",\"name\":\"made on ingest\",\"role\":\"writer\",\"source\":\"wire-c\","
                + "\"uriPrefixes\":[\"urn:wire-c:\"],\"hash\":\"" + ApiKeys.hash(secret) + "\",\"createdAt\":\"2026-11-29T22:00:00Z\"}";
        enrich(given().header("X-API-Key", secret)).then().statusCode(401);
        KafkaProbe.send(KafkaBroker.shared().bootstrapServers(), TOPIC, id, record, Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                enrich(given().header("X-API-Key", secret)).then().statusCode(200));
        String revoked = record.replace("}", ",\"revokedAt\":\"2026-11-29T22:05:00Z\"}");
        KafkaProbe.send(KafkaBroker.shared().bootstrapServers(), TOPIC, id, revoked, Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                enrich(given().header("X-API-Key", secret)).then().statusCode(401));
        // a replayed copy of the live record does not bring the key back: once a later record is applied
        // (one partition, in order), the replay was applied too
        KafkaProbe.send(KafkaBroker.shared().bootstrapServers(), TOPIC, id, record, Map.of());
        KafkaProbe.send(KafkaBroker.shared().bootstrapServers(), TOPIC, "marker", "not json", Map.of());
        String later = ApiKeys.newSecret();
        String laterId = ApiKeys.newId();
        KafkaProbe.send(KafkaBroker.shared().bootstrapServers(), TOPIC, laterId, record.replace(id, laterId)
                .replace(ApiKeys.hash(secret), ApiKeys.hash(later)), Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                enrich(given().header("X-API-Key", later)).then().statusCode(200));
        enrich(given().header("X-API-Key", secret)).then().statusCode(401);
    }

    @Test
    void browsersElsewhereAndTextPlainAreRefused() {
        enrich(given().header("X-API-Key", ADMIN).header("Origin", "https://evil.example")).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("X-API-Key", ADMIN).contentType("text/plain").body("{\"body\":\"He said so.\"}")
                .post("/api/v1/enrich").then().statusCode(415);
        given().get("/q/health/ready").then().body(containsString("api-keys"));
    }
}
