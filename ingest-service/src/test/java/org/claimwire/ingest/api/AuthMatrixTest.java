package org.claimwire.ingest.api;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.claimwire.testsupport.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write route of ingest-service (stories, batch, kills, feeds, keys) against no key, a wrong key, a
 * revoked key, a reader key, writer keys of two sources (their own uris, the other's, uris outside their
 * prefixes) and admin keys; and the browser-origin rules.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AuthMatrixTest {
    static final String ADMIN = TestKeys.BOOTSTRAP_ADMIN;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String A = "urn:wire-a:" + RUN + ":";
    static final String B = "urn:wire-b:" + RUN + ":";
    static TestKeys.Made writerA;
    static TestKeys.Made writerA2;
    static TestKeys.Made writerB;
    static TestKeys.Made reader;
    static TestKeys.Made admin;
    static TestKeys.Made revoked;

    @TestHTTPResource("/")
    URL base;
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void keys() {
        RestAssured.requestSpecification = null;
        if (writerA != null) {
            return;
        }
        String url = base.toString().replaceAll("/$", "");
        writerA = TestKeys.make(url, ADMIN, "writer", "wire-a", List.of(A));
        writerA2 = TestKeys.make(url, ADMIN, "writer", "wire-a", List.of(A)); // a rotated key of the same source
        writerB = TestKeys.make(url, ADMIN, "writer", "wire-b", List.of(B));
        reader = TestKeys.make(url, ADMIN, "reader", null, List.of());
        admin = TestKeys.make(url, ADMIN, "admin", null, List.of());
        revoked = TestKeys.make(url, ADMIN, "writer", "wire-a", List.of(A));
        TestKeys.revoke(url, ADMIN, revoked.id());
    }

    static String story(String uri, String body) {
        return "{\"uri\":\"" + uri + "\",\"headline\":\"Auth matrix " + RUN + "\",\"language\":\"en\",\"body\":\"" + body
                + "\"}";
    }

    static String kill(String uri) {
        return "{\"uri\":\"" + uri + "\",\"pubStatus\":\"canceled\"}";
    }

    static io.restassured.response.Response post(String key, String json) {
        RequestSpecification r = given().contentType("application/json").body(json);
        return (key == null ? r : r.header("X-API-Key", key)).post("/api/v1/stories");
    }

    static io.restassured.response.Response batch(String key, String ndjson) {
        RequestSpecification r = given().contentType("application/x-ndjson").body(ndjson.getBytes(UTF_8));
        return (key == null ? r : r.header("X-API-Key", key)).post("/api/v1/stories/batch");
    }

    /** Every write route, given a request with (or without) a key. */
    static final List<Function<RequestSpecification, io.restassured.response.Response>> WRITE_ROUTES = List.of(
            r -> r.contentType("application/json").body(story(A + "any", "The mayor said the bridge would reopen."))
                    .post("/api/v1/stories"),
            r -> r.contentType("application/x-ndjson").body(story(A + "any", "The mayor said so.").getBytes(UTF_8))
                    .post("/api/v1/stories/batch"),
            r -> r.contentType("application/json").body(kill(A + "any")).post("/api/v1/stories"),
            r -> r.contentType("application/json").body("{\"url\":\"http://127.0.0.1:1/feed.xml\"}").post("/api/v1/feeds"),
            r -> r.contentType("application/json").body("{\"name\":\"x\"}").patch("/api/v1/feeds/999999"),
            r -> r.delete("/api/v1/feeds/999999"),
            r -> r.post("/api/v1/feeds/999999/poll"),
            r -> r.contentType("application/json").body("{\"name\":\"x\",\"role\":\"reader\"}").post("/api/v1/admin/keys"),
            r -> r.get("/api/v1/admin/keys"),
            r -> r.delete("/api/v1/admin/keys/key-does-not-exist"));

    @Test
    void everyWriteRouteRefusesMissingWrongAndRevokedKeysAndReaders() {
        for (var route : WRITE_ROUTES) {
            route.apply(given()).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
            route.apply(given().header("X-API-Key", "cw_wrong")).then().statusCode(401)
                    .body("detail", not(containsString("cw_wrong")));
            route.apply(given().header("Authorization", "Bearer " + revoked.secret())).then().statusCode(401);
            route.apply(given().header("X-API-Key", reader.secret())).then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void writersMayNotTouchFeedsOrKeysAdminsMay() {
        for (var route : WRITE_ROUTES.subList(3, WRITE_ROUTES.size())) {
            route.apply(given().header("X-API-Key", writerA.secret())).then().statusCode(403);
            int status = route.apply(given().header("X-API-Key", admin.secret())).then().extract().statusCode();
            assertThat(status).as("admin may use every route").isIn(200, 201, 404, 422);
        }
    }

    @Test
    void aWriterCreatesUnderItsPrefixesAndChangesOnlyWhatItsSourceCreated() throws Exception {
        String mine = A + "bridge";
        post(writerA.secret(), story(mine, "The mayor said the bridge would reopen on Monday.")).then().statusCode(202)
                .body("status", equalTo("accepted")).body("version", equalTo(1));
        // outside its prefixes
        post(writerA.secret(), story(B + "bridge", "The mayor said the bridge would stay closed.")).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("may not create"));
        post(writerA.secret(), story("urn:elsewhere:" + RUN, "The mayor said the bridge would stay closed.")).then()
                .statusCode(403);
        // another source's uri: no update, no kill (an exact duplicate only reads back as one)
        post(writerB.secret(), story(mine, "Forged: the bridge is closed for good.")).then().statusCode(403)
                .body("detail", containsString("another source"));
        post(writerB.secret(), kill(mine)).then().statusCode(403);
        post(writerB.secret(), story(mine, "The mayor said the bridge would reopen on Monday.")).then().statusCode(202)
                .body("status", equalTo("duplicate"));
        // its own source, also through a rotated key: update and kill
        post(writerA2.secret(), story(mine, "The mayor said the bridge would reopen on Tuesday.")).then().statusCode(202)
                .body("status", equalTo("updated")).body("version", equalTo(2));
        post(writerA.secret(), kill(mine)).then().statusCode(202).body("status", equalTo("updated")).body("version", equalTo(3));
        assertThat(owner(mine)).isEqualTo("wire-a");
        // a text without a uri: ingest derives one, the writer may create it
        given().header("X-API-Key", writerB.secret()).contentType("text/plain")
                .body("Auth matrix " + RUN + "\n\nThe minister said on Friday that the port would reopen.")
                .post("/api/v1/stories").then().statusCode(202).body("status", equalTo("accepted"));
    }

    @Test
    void adminsChangeAnyUriAndWhatAdminsCreateWritersMayNotChange() throws Exception {
        String theirs = B + "port";
        post(writerB.secret(), story(theirs, "The harbour master said the port would reopen.")).then().statusCode(202);
        post(admin.secret(), story(theirs, "Correction: the harbour master said the port would stay shut.")).then()
                .statusCode(202).body("status", equalTo("updated"));
        assertThat(owner(theirs)).as("an admin's update keeps the owner").isEqualTo("wire-b");
        String adminOwn = "urn:admin-made:" + RUN;
        post(ADMIN, story(adminOwn, "The council said the budget would pass.")).then().statusCode(202);
        post(writerA.secret(), kill(adminOwn)).then().statusCode(403);
        post(admin.secret(), kill(adminOwn)).then().statusCode(202).body("status", equalTo("updated"));
    }

    @Test
    void batchesAnswerForbiddenPerLine() {
        String other = B + "batch";
        post(writerB.secret(), story(other, "The trade minister said tariffs would not rise.")).then().statusCode(202);
        String ndjson = story(A + "batch-1", "The central bank said rates would hold.") + "\n"
                + story(other, "Forged: tariffs will double.") + "\n"
                + story("urn:elsewhere:batch:" + RUN, "The minister said so.") + "\n";
        JsonPath j = batch(writerA.secret(), ndjson).then().statusCode(202).extract().jsonPath();
        assertThat(j.getInt("counts.accepted")).isEqualTo(1);
        assertThat(j.getList("results")).hasSize(2); // only the failed lines by default
        assertThat(j.getInt("results[0].line")).isEqualTo(2);
        assertThat(j.getInt("results[0].error.status")).isEqualTo(403);
        assertThat(j.getInt("results[1].line")).isEqualTo(3);
        assertThat(j.getInt("results[1].error.status")).isEqualTo(403);
        batch(null, ndjson).then().statusCode(401);
    }

    @Test
    void crossSiteTextPlainBatchesAndForeignOriginsAreRefused() {
        String ndjson = story(A + "csrf", "Forged by a page elsewhere.");
        // what a page elsewhere can send without a CORS preflight: text/plain, its own Origin, no key
        given().header("Origin", "https://evil.example").contentType("text/plain").body(ndjson)
                .post("/api/v1/stories/batch").then().statusCode(403).contentType("application/problem+json");
        // even with a key (which such a page could not send) the origin and the media type are refused
        given().header("X-API-Key", ADMIN).header("Origin", "https://evil.example").contentType("application/x-ndjson")
                .body(ndjson.getBytes(UTF_8)).post("/api/v1/stories/batch").then().statusCode(403);
        given().header("X-API-Key", ADMIN).header("Sec-Fetch-Site", "cross-site").contentType("application/json")
                .body(ndjson).post("/api/v1/stories").then().statusCode(403);
        given().header("X-API-Key", ADMIN).contentType("text/plain").body(ndjson).post("/api/v1/stories/batch").then()
                .statusCode(415);
        given().header("X-API-Key", ADMIN).contentType("text/plain").body("{\"url\":\"http://127.0.0.1:1/f.xml\"}")
                .post("/api/v1/feeds").then().statusCode(415);
        String own = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        given().header("X-API-Key", writerA.secret()).header("Origin", own).contentType("application/x-ndjson")
                .body(story(A + "same-origin", "The mayor said the bridge would reopen on Sunday.").getBytes(UTF_8))
                .post("/api/v1/stories/batch").then().statusCode(202);
    }

    @Test
    void readsStayOpen() {
        given().get("/api/v1/feeds").then().statusCode(200);
        given().header("X-API-Key", "cw_wrong").get("/api/v1/feeds").then().statusCode(200);
        given().get("/api/v1/feeds").then().header("X-Content-Type-Options", "nosniff");
    }

    private String owner(String uri) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select source from ingest.story_state where uri = ?")) {
            ps.setString(1, uri);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
