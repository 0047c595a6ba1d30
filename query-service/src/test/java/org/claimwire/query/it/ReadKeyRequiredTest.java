package org.claimwire.query.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.claimwire.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

/** With {@code claimwire.security.read-key-required=true}, reads under /api/ need a key of any role. */
@QuarkusTest
@TestProfile(ReadKeyRequiredTest.ReadKeys.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ReadKeyRequiredTest {

    public static class ReadKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimwire.security.read-key-required", "true");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void readsNeedAKeyOfAnyRole() {
        given().get("/api/v1/stories").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().header("X-API-Key", "cw_wrong").get("/api/v1/claims").then().statusCode(401);
        String url = base.toString().replaceAll("/$", "");
        TestKeys.Made reader = TestKeys.make(url, TestKeys.BOOTSTRAP_ADMIN, "reader", null, List.of());
        TestKeys.Made writer = TestKeys.make(url, TestKeys.BOOTSTRAP_ADMIN, "writer", "w", List.of("urn:w:"));
        given().header("X-API-Key", reader.secret()).get("/api/v1/stories").then().statusCode(200);
        given().header("Authorization", "Bearer " + writer.secret()).get("/api/v1/entities?q=x").then().statusCode(200);
        given().header("X-API-Key", TestKeys.BOOTSTRAP_ADMIN).get("/api/v1/search?q=x").then().statusCode(200);
        given().header("X-API-Key", reader.secret()).get("/api/v1/admin/stats").then().statusCode(403);
        // the page itself and the health checks stay reachable
        given().get("/").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
