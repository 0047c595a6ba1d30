package org.claimwire.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimwire.events.EventJson;
import org.claimwire.testsupport.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.Container.ExecResult;

/**
 * The three service images, Kafka and PostgreSQL as containers on one Docker network, run the way deploy/'s
 * manifests run them: the seed story goes in at ingest and comes out of query with its people and its
 * non-committal claims; nlp-service is SIGKILLed mid-batch and restarted without losing a story; every service
 * container runs as the manifests' non-root user on a read-only root file system. Runs with -Pcontainers
 * after `./claimwire images`.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainersEndToEndTest {
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> NON_COMMITTAL = Set.of("NEITHER_CONFIRMS_NOR_DENIES", "DECLINES_TO_COMMENT",
            "NO_RESPONSE");
    private static final int BATCH = 60;
    private static ClaimwireStack stack;

    @BeforeAll
    static void startStack() {
        stack = new ClaimwireStack();
        try {
            stack.start();
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    @AfterAll
    static void removeStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceRunsAsTheManifestsNonRootUserOnAReadOnlyRootFileSystem() throws Exception {
        for (ClaimwireStack.Service s : stack.services()) {
            System.out.printf("%s ready after %d restart(s) by its restart policy%n", s.name(), stack.restarts(s));
            DeployManifests.Service m = s.manifest();
            String status = s.container().execInContainer("cat", "/proc/1/status").getStdout();
            assertThat(field(status, "Uid")).as(s.name() + " process uid").isEqualTo(String.valueOf(m.runAsUser()));
            assertThat(field(status, "Gid")).as(s.name() + " process gid").isEqualTo(String.valueOf(m.runAsGroup()));
            assertThat(m.runAsUser()).as(s.name() + " runs as root").isNotZero();

            ExecResult root = s.container().execInContainer("touch", "/deployments/written-by-the-service");
            assertThat(root.getExitCode()).as(s.name() + " wrote to its root file system").isNotZero();
            assertThat(root.getStderr()).contains("Read-only file system");
            assertThat(s.container().getContainerInfo().getHostConfig().getReadonlyRootfs()).isTrue();
            for (String writable : m.emptyDirMounts()) {
                ExecResult tmp = s.container().execInContainer("touch", writable + "/written-by-the-service");
                assertThat(tmp.getExitCode()).as(s.name() + " cannot write " + writable + ": " + tmp.getStderr()).isZero();
            }
            for (Map.Entry<String, String> probe : m.probePaths().entrySet()) {
                assertThat(ReadinessEndpoint.status(s.hostPort(), probe.getValue()))
                        .as(s.name() + " " + probe.getKey() + " " + probe.getValue()).isEqualTo(200);
            }
        }
    }

    @Test
    @Order(2)
    void seedStoryIsFoundInQueryWithItsPeopleAndItsNonCommittalClaims() throws Exception {
        String uri = "urn:claimwire:containers:seed";
        ObjectNode story = JSON.createObjectNode().put("uri", uri)
                .put("headline", "Kremlin neither confirms nor denies report of Trump-Putin phone call")
                .put("body", Fixtures.seedStory()).put("language", "en");
        HttpResponse<String> accepted = post("/api/v1/stories", "application/json", story.toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        String query = stack.service("query-service").baseUrl();
        String storyUrl = query + "/api/v1/stories?uri=" + URLEncoder.encode(uri, StandardCharsets.UTF_8);
        JsonNode found = await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                .until(() -> getJson(storyUrl), ContainersEndToEndTest::hasStory);
        JsonNode detail = found.has("entities") ? found
                : getJson(query + "/api/v1/stories/" + found.path("items").get(0).path("id").asText());

        JsonNode gold = JSON.readTree(Fixtures.seedGold());
        Set<String> goldPeople = new HashSet<>();
        gold.path("entities").forEach(e -> {
            if ("PERSON".equals(e.path("type").asText())) {
                goldPeople.add(e.path("canonical").asText());
            }
        });
        Set<String> goldNonCommittal = new HashSet<>();
        gold.path("claims").forEach(c -> {
            if (NON_COMMITTAL.contains(c.path("stance").asText())) {
                goldNonCommittal.add(c.path("stance").asText());
            }
        });
        assertThat(goldPeople).hasSize(4);

        Set<String> people = new HashSet<>();
        detail.path("entities").forEach(e -> {
            if ("PERSON".equals(e.path("type").asText())) {
                people.add(e.path("canonicalName").asText(e.path("name").asText()));
                people.add(e.path("name").asText());
            }
        });
        assertThat(people).as("people in the stored story").containsAll(goldPeople);
        List<String> stances = new ArrayList<>();
        detail.path("claims").forEach(c -> stances.add(c.path("stance").asText()));
        assertThat(stances).as("stances of the stored claims").containsAll(goldNonCommittal);

        // And the claims API finds the story by its non-committal stance.
        JsonNode neither = getJson(query + "/api/v1/claims?stance=NEITHER_CONFIRMS_NOR_DENIES&limit=100");
        assertThat(neither.toString()).contains(uri);
    }

    @Test
    @Order(3)
    void nlpContainerKilledMidBatchAndRestartedLosesNothing() throws Exception {
        Map<String, Long> dlqBefore = stack.dlqSizes();
        String prefix = "urn:claimwire:containers:batch:" + System.currentTimeMillis() + ":";
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < BATCH; i++) {
            ndjson.append(batchStory(prefix + i, i)).append('\n');
        }
        HttpResponse<String> accepted = post("/api/v1/stories/batch", "application/x-ndjson", ndjson.toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isBetween(200, 299);

        // Kill once some, but not all, of the batch is through nlp-service.
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> stored(prefix) >= 5);
        ClaimwireStack.Service nlp = stack.service("nlp-service");
        stack.kill(nlp);
        long storedAtKill = stored(prefix);
        assertThat(storedAtKill).as("stories stored when nlp-service was killed (not mid-batch if all)")
                .isLessThan(BATCH);
        ReadinessEndpoint.sleep(2_000);
        long restart = System.nanoTime();
        stack.restart(nlp);
        System.out.printf("nlp-service killed with %d of %d stories stored; ready again %.1f s after its restart%n",
                storedAtKill, BATCH, (System.nanoTime() - restart) / 1e9);

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> stored(prefix) >= BATCH);
        assertThat(problems(prefix)).as("stories not stored exactly once with their entities").isEmpty();
        assertThat(stack.dlqSizes()).as("dead letters").isEqualTo(dlqBefore);
    }

    /** A short wire story: a named official tells an outlet something (entities and a claim every time). */
    private static String batchStory(String uri, int i) {
        String[] people = {"Anna Kowalczyk", "Samuel Osei", "Hiroshi Mori", "Lucia Ferreira", "Daniel Weber"};
        String[] bodies = {"the ministry", "the central bank", "the port authority", "the electricity regulator"};
        String person = people[i % people.length];
        String body = bodies[i % bodies.length];
        String text = "A spokesperson for " + body + ", " + person + ", told Reuters on Wednesday that budget number "
                + (1000 + i) + " would be published within " + (i % 9 + 2) + " weeks.";
        return JSON.createObjectNode().put("uri", uri).put("headline", person + " on budget " + (1000 + i))
                .put("body", text).put("language", "en").toString();
    }

    private static long stored(String prefix) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM query.stories WHERE uri LIKE ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Each batch story once, at version 1, one current version row, with entities. */
    private static List<String> problems(String prefix) throws SQLException {
        String sql = "SELECT s.uri, s.current_version, "
                + "(SELECT count(*) FROM query.story_versions v WHERE v.story_id = s.id), "
                + "(SELECT count(*) FROM query.story_entities e JOIN query.story_versions v ON v.id = e.story_version_id "
                + "   WHERE v.story_id = s.id AND v.is_current) "
                + "FROM query.stories s WHERE s.uri LIKE ?";
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String uri = rs.getString(1);
                    if (!seen.add(uri)) {
                        problems.add(uri + ": stored twice");
                    } else if (rs.getInt(2) != 1 || rs.getInt(3) != 1) {
                        problems.add(uri + ": version " + rs.getInt(2) + " with " + rs.getInt(3) + " version rows");
                    } else if (rs.getInt(4) == 0) {
                        problems.add(uri + ": no entities");
                    }
                }
            }
        }
        for (int i = 0; i < BATCH; i++) {
            if (!seen.contains(prefix + i)) {
                problems.add(prefix + i + ": missing");
            }
        }
        return problems;
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(stack.postgresJdbcUrl(), ClaimwireStack.DB_USER, stack.dbPassword());
    }

    private static HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.service("ingest-service").baseUrl() + path))
                .header("Content-Type", contentType).header("X-API-Key", stack.adminKey)
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("X-API-Key", stack.adminKey).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.createObjectNode();
    }

    private static boolean hasStory(JsonNode body) {
        return body.has("entities") || (body.path("items").isArray() && body.path("items").size() > 0);
    }

    /** The first number of a /proc/<pid>/status line ("Uid:\t185\t185\t185\t185" gives 185). */
    private static String field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name + ":")).map(l -> l.substring(name.length() + 1).trim()
                .split("\\s+")[0]).collect(Collectors.joining());
    }
}
