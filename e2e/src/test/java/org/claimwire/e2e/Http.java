package org.claimwire.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.claimwire.events.EventJson;

/** A small JSON-over-HTTP client for the e2e tests. */
final class Http {
    static final ObjectMapper JSON = EventJson.mapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private Http() {
    }

    /** POST with an API key ({@code X-API-Key}): every write needs one. */
    static Response post(String url, String contentType, String body, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .header("X-API-Key", apiKey).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET());
    }

    /** GET with an API key (admin routes, or reads when a read key is required). */
    static Response get(String url, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("X-API-Key", apiKey).GET());
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted");
        }
    }
}
