package org.claimwire.query.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.List;
import java.util.function.Function;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.claimwire.testsupport.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write/admin route of query-service against no key, a wrong key, a revoked key, reader, writer and
 * admin keys. query-service writes no stories, so "another source's uri" does not arise here (see ingest's
 * AuthMatrixTest). Also: reads stay open, the browser-origin guard, and the web page's security headers.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AuthMatrixTest {
    static final String ADMIN = TestKeys.BOOTSTRAP_ADMIN;
    static TestKeys.Made reader;
    static TestKeys.Made writer;
    static TestKeys.Made admin;
    static TestKeys.Made revoked;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void keys() {
        if (reader != null) {
            return;
        }
        String url = base.toString().replaceAll("/$", "");
        reader = TestKeys.make(url, ADMIN, "reader", null, List.of());
        writer = TestKeys.make(url, ADMIN, "writer", "wire-a", List.of("urn:wire-a:"));
        admin = TestKeys.make(url, ADMIN, "admin", null, List.of());
        revoked = TestKeys.make(url, ADMIN, "admin", null, List.of());
        TestKeys.revoke(url, ADMIN, revoked.id());
    }

    /** Each admin route, given a request with (or without) a key. */
    private static final List<Function<RequestSpecification, io.restassured.response.Response>> ADMIN_ROUTES = List.of(
            r -> r.get("/api/v1/admin/stats"),
            r -> r.queryParam("keep", 1_000_000).post("/api/v1/admin/stream/prune"),
            r -> r.get("/api/v1/admin/keys"),
            r -> r.contentType("application/json").body("{\"name\":\"x\",\"role\":\"reader\"}").post("/api/v1/admin/keys"),
            r -> r.delete("/api/v1/admin/keys/key-does-not-exist"));

    @Test
    void everyAdminRouteRefusesMissingWrongAndRevokedKeys() {
        for (var route : ADMIN_ROUTES) {
            route.apply(given()).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
            route.apply(given().header("X-API-Key", "cw_wrong")).then().statusCode(401)
                    .body("detail", not(containsString("cw_wrong")));
            route.apply(given().header("X-API-Key", revoked.secret())).then().statusCode(401);
        }
    }

    @Test
    void readerAndWriterKeysMayNotAdminister() {
        for (var route : ADMIN_ROUTES) {
            route.apply(given().header("X-API-Key", reader.secret())).then().statusCode(403)
                    .contentType("application/problem+json");
            route.apply(given().header("Authorization", "Bearer " + writer.secret())).then().statusCode(403);
        }
    }

    @Test
    void adminKeysMadeThroughTheRouteAndTheBootstrapKeyAdminister() {
        for (String key : List.of(admin.secret(), ADMIN)) {
            given().header("X-API-Key", key).get("/api/v1/admin/stats").then().statusCode(200);
            given().header("X-API-Key", key).queryParam("keep", 1_000_000).post("/api/v1/admin/stream/prune").then()
                    .statusCode(200).body("deleted", equalTo(0));
            given().header("X-API-Key", key).delete("/api/v1/admin/keys/key-does-not-exist").then().statusCode(404);
        }
        given().header("X-API-Key", admin.secret()).get("/api/v1/admin/keys").then().statusCode(200)
                .body("find { it.id == '" + revoked.id() + "' }.revokedAt", notNullValue())
                .body("find { it.id == '" + writer.id() + "' }.source", equalTo("wire-a"))
                .body(not(containsString(writer.secret())));
    }

    @Test
    void keyRequestsAreChecked() {
        given().header("X-API-Key", ADMIN).contentType("application/json").body("{\"name\":\"w\",\"role\":\"writer\"}")
                .post("/api/v1/admin/keys").then().statusCode(400).body("detail", containsString("source"));
        given().header("X-API-Key", ADMIN).contentType("application/json").body("{\"name\":\"w\",\"role\":\"root\"}")
                .post("/api/v1/admin/keys").then().statusCode(400);
        given().header("X-API-Key", ADMIN).contentType("text/plain").body("{\"name\":\"w\",\"role\":\"reader\"}")
                .post("/api/v1/admin/keys").then().statusCode(415);
    }

    @Test
    void readsStayOpenAndABadKeyOnAReadIsIgnored() {
        given().get("/api/v1/stories").then().statusCode(200);
        given().header("X-API-Key", "cw_wrong").get("/api/v1/stories").then().statusCode(200);
        given().contentType("application/json").body("{\"q\":\"Who said what?\"}").post("/api/v1/ask").then().statusCode(200);
    }

    @Test
    void foreignOriginsMayNotWrite() {
        given().header("X-API-Key", ADMIN).header("Origin", "https://evil.example").queryParam("keep", 1_000_000)
                .post("/api/v1/admin/stream/prune").then().statusCode(403).contentType("application/problem+json");
        given().header("Sec-Fetch-Site", "cross-site").contentType("application/json").body("{\"q\":\"x\"}")
                .post("/api/v1/ask").then().statusCode(403);
        given().header("Origin", "https://evil.example").contentType("text/plain").body("{\"q\":\"x\"}")
                .post("/api/v1/ask").then().statusCode(403);
        given().contentType("text/plain").body("{\"q\":\"x\"}").post("/api/v1/ask").then().statusCode(415);
        String own = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        given().header("Origin", own).contentType("application/json").body("{\"q\":\"Who said what?\"}")
                .post("/api/v1/ask").then().statusCode(200);
    }

    @Test
    void theWebPageSendsItsSecurityHeaders() {
        for (String path : List.of("/", "/index.html", "/app.js")) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Content-Type-Options", "nosniff");
        }
        given().get("/api/v1/stories").then().header("X-Content-Type-Options", "nosniff");
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
