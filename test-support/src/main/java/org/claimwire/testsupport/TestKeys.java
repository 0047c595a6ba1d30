package org.claimwire.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes and revokes API keys through a service's admin route ({@code /api/v1/admin/keys}), for tests. */
public final class TestKeys {
    /** The bootstrap admin key the tests configure ({@code claimwire.security.bootstrap-admin-key}). */
    public static final String BOOTSTRAP_ADMIN = "test-admin-key";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern FIELD = Pattern.compile("\"(key|id)\"\\s*:\\s*\"([^\"]+)\"");

    /** A key as made: its id (to revoke it) and its secret (to use it). */
    public record Made(String id, String secret) {
    }

    private TestKeys() {
    }

    public static Made make(String baseUrl, String adminKey, String role, String source, List<String> uriPrefixes) {
        StringBuilder json = new StringBuilder("{\"name\":\"test ").append(role).append("\",\"role\":\"").append(role).append('"');
        if (source != null) {
            json.append(",\"source\":\"").append(source).append('"');
        }
        json.append(",\"uriPrefixes\":[");
        for (int i = 0; i < uriPrefixes.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(uriPrefixes.get(i)).append('"');
        }
        json.append("]}");
        String body = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/admin/keys"))
                .header("Content-Type", "application/json").header("X-API-Key", adminKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())), 201);
        String id = null;
        String secret = null;
        Matcher m = FIELD.matcher(body);
        while (m.find()) {
            if (m.group(1).equals("id")) {
                id = m.group(2);
            } else {
                secret = m.group(2);
            }
        }
        if (id == null || secret == null) {
            throw new IllegalStateException("no key in " + body);
        }
        return new Made(id, secret);
    }

    public static void revoke(String baseUrl, String adminKey, String id) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/admin/keys/" + id)).header("X-API-Key", adminKey)
                .DELETE(), 200);
    }

    private static String send(HttpRequest.Builder b, int expected) {
        try {
            HttpResponse<String> r = CLIENT.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
