// Soak run: ingests the Reuters-21578 corpus through a running Claimwire stack and reports what happened.
// Run by bench/soak/soak.sh (java single-file source on the devstack classpath); never part of mvn verify.
// The corpus is read from its folder and never copied into the repository (research-only licence).

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.claimwire.testsupport.ReutersCorpus;

public class Soak {
    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter REUTERS_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss", Locale.ENGLISH);

    record Item(String uri, String json) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        Path corpus = Path.of(opt.getOrDefault("corpus", "../shared/corpora/reuters21578"));
        String ingest = opt.getOrDefault("ingest", "http://localhost:8081");
        // writes need a key: the demo's admin key (soak.sh passes .work/demo-admin.key; the Reuters uris are not
        // under the demo writer's source), else CLAIMWIRE_API_KEY
        String key = opt.containsKey("key-file") ? Files.readString(Path.of(opt.get("key-file"))).trim()
                : System.getenv("CLAIMWIRE_API_KEY");
        String kafka = opt.getOrDefault("kafka", "localhost:9092");
        String jdbc = opt.get("jdbc");
        String run = opt.getOrDefault("run", Long.toString(System.currentTimeMillis(), 36));
        int limit = Integer.parseInt(opt.getOrDefault("limit", "0"));
        int batchSize = Integer.parseInt(opt.getOrDefault("batch", "200"));
        Duration settle = Duration.ofMinutes(Long.parseLong(opt.getOrDefault("settle-minutes", "90")));
        if (!Files.isDirectory(corpus)) {
            System.out.println("corpus not found at " + corpus + ": skipping the soak run");
            return;
        }

        List<Item> items = new ArrayList<>();
        int noBody = 0;
        for (ReutersCorpus.Item raw : ReutersCorpus.read(corpus)) {
            Item item = toItem(run, raw);
            if (item == null) {
                noBody++;
            } else {
                items.add(item);
            }
        }
        if (limit > 0 && items.size() > limit) {
            items = items.subList(0, limit);
        }
        System.out.printf("corpus: %d items with a body (%d without, not sent), run id %s%n", items.size(), noBody, run);

        Map<String, Long> topicsBefore = topicSizes(kafka);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, Long> acceptedAt = new HashMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> rejections = new TreeMap<>();
        long start = System.currentTimeMillis();
        for (int i = 0; i < items.size(); i += batchSize) {
            List<Item> batch = items.subList(i, Math.min(items.size(), i + batchSize));
            StringBuilder ndjson = new StringBuilder();
            batch.forEach(it -> ndjson.append(it.json()).append('\n'));
            JsonNode answer = null;
            for (int attempt = 0; attempt < 60 && answer == null; attempt++) {
                HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(ingest + "/api/v1/stories/batch?results=all"))
                        .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()));
                if (key != null && !key.isBlank()) {
                    post.header("X-API-Key", key);
                }
                HttpResponse<String> r = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 503) {
                    Thread.sleep(2_000);
                    continue;
                }
                if (r.statusCode() / 100 != 2) {
                    throw new IllegalStateException("ingest answered the batch with " + r.statusCode() + ": " + r.body());
                }
                answer = JSON.readTree(r.body());
            }
            long now = System.currentTimeMillis();
            JsonNode lines = answer.has("results") ? answer.get("results") : answer;
            for (JsonNode line : lines) {
                int idx = line.path("line").asInt() - 1;
                String uri = idx >= 0 && idx < batch.size() ? batch.get(idx).uri() : line.path("uri").asText();
                if (line.has("error")) {
                    String reason = line.path("error").path("title").asText("error") + ": "
                            + line.path("error").path("detail").asText("").replaceAll("\\d+", "N");
                    rejections.merge(reason, 1, Integer::sum);
                    statuses.merge("rejected", 1, Integer::sum);
                } else {
                    String status = line.path("status").asText("?");
                    statuses.merge(status, 1, Integer::sum);
                    if (!status.equals("duplicate") && !status.equals("stale")) {
                        acceptedAt.put(uri, now);
                    }
                }
            }
            if ((i / batchSize) % 10 == 0) {
                System.out.printf("  sent %d/%d%n", Math.min(items.size(), i + batchSize), items.size());
            }
        }
        long sentAt = System.currentTimeMillis();
        int accepted = statuses.entrySet().stream().filter(e -> !e.getKey().equals("rejected"))
                .mapToInt(Map.Entry::getValue).sum();
        int duplicates = statuses.getOrDefault("duplicate", 0) + statuses.getOrDefault("stale", 0);
        System.out.printf("ingest: %d accepted %s in %.1f s; %d rejected%n", accepted, statuses,
                (sentAt - start) / 1000.0, statuses.getOrDefault("rejected", 0));

        // Wait until query-service holds every published story (or stops making progress).
        Map<String, Long> storedAt = new HashMap<>();
        long deadline = System.currentTimeMillis() + settle.toMillis();
        int lastCount = -1;
        long lastProgress = System.currentTimeMillis();
        try (Connection db = DriverManager.getConnection(jdbc, "claimwire", "claimwire")) {
            while (System.currentTimeMillis() < deadline) {
                storedAt = storedTimes(db, "urn:reuters21578:" + run + ":");
                if (storedAt.size() >= acceptedAt.size()) {
                    break;
                }
                if (storedAt.size() != lastCount) {
                    lastCount = storedAt.size();
                    lastProgress = System.currentTimeMillis();
                    System.out.printf("  stored %d/%d%n", lastCount, acceptedAt.size());
                } else if (System.currentTimeMillis() - lastProgress > 180_000) {
                    System.out.println("  no progress for 3 minutes; reporting what is stored");
                    break;
                }
                Thread.sleep(5_000);
            }
        }
        long end = storedAt.values().stream().mapToLong(Long::longValue).max().orElse(sentAt);
        Map<String, Long> topicsAfter = topicSizes(kafka);

        Map<String, Long> stored = storedAt;
        long[] latencies = acceptedAt.entrySet().stream().filter(e -> stored.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, stored.get(e.getKey()) - e.getValue())).sorted().toArray();
        System.out.println();
        System.out.println("=== Claimwire soak report ===");
        System.out.printf("stories sent: %d (from %s)%n", items.size(), corpus);
        System.out.printf("accepted: %d  (statuses %s)%n", accepted, statuses);
        System.out.printf("duplicates (not republished): %d%n", duplicates);
        System.out.printf("rejected: %d%n", statuses.getOrDefault("rejected", 0));
        rejections.forEach((r, n) -> System.out.printf("    %5d  %s%n", n, r));
        System.out.printf("enriched (records on wire.stories.enriched): %d%n",
                topicsAfter.get("wire.stories.enriched") - topicsBefore.get("wire.stories.enriched"));
        System.out.printf("stored in query-service: %d%n", storedAt.size());
        System.out.printf("accepted == stored + duplicates: %d == %d + %d -> %s%n", accepted, storedAt.size(), duplicates,
                accepted == storedAt.size() + duplicates ? "OK" : "MISMATCH");
        for (String dlq : List.of("wire.ingest.dlq", "wire.nlp.dlq", "wire.query.dlq")) {
            long added = topicsAfter.get(dlq) - topicsBefore.get(dlq);
            System.out.printf("DLQ %s: +%d%n", dlq, added);
            if (added > 0) { // name what was dead-lettered, and why
                deadLetters(kafka, dlq, run).forEach(l -> System.out.println("    " + l));
            }
        }
        List<String> missing = acceptedAt.keySet().stream().filter(u -> !stored.containsKey(u)).sorted().toList();
        if (!missing.isEmpty()) {
            System.out.printf("published but not stored: %d, e.g. %s%n", missing.size(),
                    missing.subList(0, Math.min(10, missing.size())));
        }
        if (latencies.length > 0) {
            System.out.printf("end-to-end latency (accepted -> queryable): p50 %.1f s, p99 %.1f s, max %.1f s%n",
                    pct(latencies, 50) / 1000.0, pct(latencies, 99) / 1000.0, latencies[latencies.length - 1] / 1000.0);
            System.out.printf("throughput: %.1f stories/s stored (ingest alone: %.0f stories/s)%n",
                    storedAt.size() * 1000.0 / Math.max(1, end - start), accepted * 1000.0 / Math.max(1, sentAt - start));
        }
        Path pids = Path.of(".work/pids");
        if (Files.isDirectory(pids)) {
            try (Stream<Path> files = Files.list(pids)) {
                for (Path p : files.sorted().toList()) {
                    String pid = Files.readString(p).trim();
                    Path status = Path.of("/proc", pid, "status");
                    if (Files.exists(status)) {
                        String hwm = Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM"))
                                .findFirst().orElse("VmHWM: ?").replaceAll("\\s+", " ");
                        System.out.printf("peak RSS %s: %s%n", p.getFileName().toString().replace(".pid", ""), hwm);
                    }
                }
            }
        }
    }

    static Item toItem(String run, ReutersCorpus.Item raw) throws Exception {
        if (raw.body() == null) {
            return null;
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("uri", "urn:reuters21578:" + run + ":" + raw.newId());
        n.put("headline", raw.title() == null ? "" : noControl(raw.title()));
        n.put("body", noControl(raw.body()).replaceAll("\\s*Reuter\\s*$", "").trim());
        if (raw.date() != null) {
            try {
                String date = raw.date().replaceAll("\\.\\d+$", "");
                n.put("versionCreated", LocalDateTime.parse(date, REUTERS_DATE).toInstant(ZoneOffset.UTC).toString());
            } catch (RuntimeException e) {
                // Undated items take the ingest time.
            }
        }
        n.putArray("infoSources").addObject().put("name", "Reuters").put("role", "source");
        return new Item(n.get("uri").asText(), JSON.writeValueAsString(n));
    }

    /** The corpus ends many items with a raw control character (&#3;); a wire client would not send it. */
    static String noControl(String s) {
        return s.replace("\u0003", "").trim();
    }

    static Map<String, Long> storedTimes(Connection db, String prefix) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT s.uri, min(v.stored_at) FROM query.stories s "
                + "JOIN query.story_versions v ON v.story_id = s.id WHERE s.uri LIKE ? GROUP BY s.uri")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getTimestamp(2).getTime());
                }
            }
        }
        return out;
    }

    static Map<String, Long> topicSizes(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Map<String, Long> sizes = new HashMap<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            for (String topic : List.of("wire.stories.raw", "wire.stories.enriched", "wire.ingest.dlq", "wire.nlp.dlq",
                    "wire.query.dlq")) {
                var parts = c.partitionsFor(topic, Duration.ofSeconds(10));
                if (parts == null || parts.isEmpty()) {
                    sizes.put(topic, 0L);
                    continue;
                }
                List<TopicPartition> tps = parts.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                Map<TopicPartition, Long> end = c.endOffsets(tps);
                sizes.put(topic, end.values().stream().mapToLong(Long::longValue).sum());
            }
        }
        return sizes;
    }

    /** Key and reason header of this run's records added to a dead-letter topic. */
    static List<String> deadLetters(String bootstrap, String topic, String run) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> tps = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long deadline = System.currentTimeMillis() + 30_000;
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                for (var r : c.poll(Duration.ofSeconds(1))) {
                    if (r.key() != null && r.key().contains(":" + run + ":")) {
                        var reason = r.headers().lastHeader("dead-letter-reason");
                        out.add(r.key() + ": " + (reason == null ? "?" : new String(reason.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return out;
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return m;
    }
}
