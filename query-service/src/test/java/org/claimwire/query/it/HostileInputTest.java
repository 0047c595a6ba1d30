package org.claimwire.query.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.claimwire.query.api.StreamHub;
import org.claimwire.query.search.ClaimFilter;
import org.claimwire.query.search.Cursor;
import org.claimwire.query.persistence.FullTextSearch;
import org.claimwire.query.search.StoryFilter;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Hostile input to query-service, each case with the answer it must get (issue 15). The {@code %test} profile
 * sets a 1 s heartbeat and a cap of 4 stream connections.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class HostileInputTest {

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    @Inject
    StreamHub hub;

    static void badRequest(String path, String detail) {
        given().get(path).then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("status", equalTo(400)).body("detail", containsString(detail));
    }

    /** limit=abc, version=x, keep=y: 400 problems naming the parameter (not 404). */
    @Test
    void parameterTypeErrorsAre400() {
        badRequest("/api/v1/stories?limit=abc", "limit");
        badRequest("/api/v1/stories?limit=1e3", "limit");
        badRequest("/api/v1/claims?limit=abc", "limit");
        badRequest("/api/v1/claims?limit=abc&format=csv", "limit");
        badRequest("/api/v1/entities?limit=-", "limit");
        badRequest("/api/v1/search?q=x&limit=ten", "limit");
        badRequest("/api/v1/stories?uri=urn:x&version=two", "version");
        badRequest("/api/v1/stories/1?version=two", "version");
        badRequest("/api/v1/stream?after=yesterday", "after");
    }

    /** Years outside 1800-2200 in from/to: 400, never a database error. */
    @Test
    void outOfRangeYearsAre400() {
        badRequest("/api/v1/stories?from=%2B300000-01-01", "from");
        badRequest("/api/v1/stories?from=%2B300000-01-01T00:00:00Z", "from");
        badRequest("/api/v1/stories?from=2999-01-01", "between the years 1800 and 2200");
        badRequest("/api/v1/stories?to=1700-01-01", "between the years 1800 and 2200");
        badRequest("/api/v1/claims?from=%2B300000-01-01T00:00:00Z", "from");
        badRequest("/api/v1/claims?to=-5000-01-01", "between the years 1800 and 2200");
        given().get("/api/v1/stories?from=1800-01-01&to=2200-12-31").then().statusCode(200);
    }

    /** Forged cursors (a year 300000, a negative offset, another list's cursor): 400 invalid-cursor. */
    @Test
    void forgedCursorsAre400() {
        String[] forged = {
                "/api/v1/stories?cursor=" + Cursor.of(StoryFilter.CURSOR_KIND, "+300000-01-01T00:00:00Z", 5).encode(),
                "/api/v1/claims?cursor=" + Cursor.of(ClaimFilter.CURSOR_KIND, "-9999-01-01T00:00:00Z", 5).encode(),
                "/api/v1/stories?cursor=" + Cursor.of(StoryFilter.CURSOR_KIND, "2025-01-01T00:00:00Z", -1).encode(),
                "/api/v1/search?q=talks&cursor=" + Cursor.of(FullTextSearch.CURSOR_KIND, -10).encode(),
                "/api/v1/search?q=talks&cursor=" + Cursor.of(FullTextSearch.CURSOR_KIND, 1L << 40).encode(),
                "/api/v1/stories?cursor=" + Cursor.of(FullTextSearch.CURSOR_KIND, 0).encode(),
                "/api/v1/stories?cursor=%25%25%25"};
        for (String path : forged) {
            given().get(path).then().statusCode(400).contentType(containsString("application/problem+json"))
                    .body("type", containsString("invalid-cursor"));
        }
    }

    /**
     * SSE: the stream starts with a retry: field and a comment, sends a heartbeat comment every heartbeat
     * (1 s here), answers 503 with Retry-After past the connection cap, and all connections share one reader.
     */
    @Test
    void streamHasRetryHeartbeatACapAndOneReader() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            HttpResponse<InputStream> first = connect(client);
            open.add(first);
            BufferedReader r = new BufferedReader(new InputStreamReader(first.body(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            long t0 = System.nanoTime();
            while (lines.stream().filter(l -> l.startsWith(":heartbeat") || l.startsWith(": heartbeat")).count() < 2
                    && System.nanoTime() - t0 < 15_000_000_000L) {
                String line = r.readLine();
                if (line == null) {
                    break;
                }
                lines.add(line);
            }
            assertThat(lines).anyMatch(l -> l.startsWith("retry:"));
            assertThat(lines.stream().filter(l -> l.contains("heartbeat")).count()).isGreaterThanOrEqualTo(2);

            long readsBefore = hub.reads();
            long tReads = System.nanoTime();
            while (open.size() < 4) {
                open.add(connect(client));
            }
            HttpResponse<InputStream> refused = client.send(HttpRequest.newBuilder(URI.create(stream.toString()))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(new String(refused.body().readAllBytes(), StandardCharsets.UTF_8)).contains("overloaded");
            Thread.sleep(2000);
            double seconds = (System.nanoTime() - tReads) / 1e9;
            long reads = hub.reads() - readsBefore;
            // one reader polling every 200 ms: ~5 reads a second for 4 connections, not 4 x 5
            assertThat(reads / seconds).as("stream table reads per second with 4 connections").isLessThan(8);
        } finally {
            for (HttpResponse<InputStream> h : open) {
                h.body().close();
            }
        }
    }

    private HttpResponse<InputStream> connect(HttpClient client) throws Exception {
        HttpResponse<InputStream> resp = client.send(HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(resp.statusCode()).isEqualTo(200);
        return resp;
    }
}
