package org.claimwire.query.it;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.awaitility.Awaitility;

/** REST helpers shared by the Quarkus tests. */
final class Api {
    private Api() {
    }

    /** Waits until the story with that uri is served at {@code version}; returns its id. */
    static long awaitStory(String uri, int version) {
        long[] id = new long[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var r = given().queryParam("uri", uri).get("/api/v1/stories");
            if (r.statusCode() != 200) {
                return false;
            }
            JsonPath j = r.jsonPath();
            if (j.getInt("version") != version) {
                return false;
            }
            id[0] = j.getLong("id");
            return true;
        });
        return id[0];
    }

    /** Waits until the stored version count of a story (by uri) reaches {@code n}. */
    static void awaitVersions(String uri, int n) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var r = given().queryParam("uri", uri).get("/api/v1/stories");
            return r.statusCode() == 200 && r.jsonPath().getList("versions").size() >= n;
        });
    }

    static long entityId(String q, String type) {
        return given().queryParam("q", q).queryParam("type", type).get("/api/v1/entities").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
    }
}
