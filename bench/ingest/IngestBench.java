import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimwire.events.EventJson;
import org.claimwire.ingest.dedupe.LshIndex;
import org.claimwire.ingest.dedupe.MinHasher;
import org.claimwire.testsupport.EmbeddedPostgresServer;
import org.claimwire.testsupport.KafkaBroker;
import org.claimwire.testsupport.ReutersCorpus;

/** See run.sh. Single-file program (java IngestBench.java) so it stays out of the Maven build. */
public class IngestBench {

    record Item(String id, String headline, String body) {
    }

    public static void main(String[] args) {
        // exit explicitly: the client's HTTP thread pool would keep a failed run alive
        try {
            run(args);
            System.exit(0);
        } catch (Throwable t) {
            String m = String.valueOf(t);
            System.out.println("bench failed: " + (m.length() > 500 ? m.substring(0, 500) + " ..." : m));
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path corpus = Path.of(a.get("corpus"));
        int batch = Integer.parseInt(a.getOrDefault("batch", "1000"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        if (!Files.isDirectory(corpus)) {
            System.out.println("corpus not found at " + corpus + "; skipping");
            return;
        }
        List<Item> items = readCorpus(corpus);
        System.out.printf("Reuters-21578: %d stories with a body read leniently from %s (%d cores, load average %.1f)%n",
                items.size(), corpus, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        KafkaBroker broker = KafkaBroker.start();
        broker.createTopics(List.of("bench.plain"), 2);
        Path pgBase = Files.createDirectories(Path.of("embedded-postgres"));
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(pgBase, Files.createTempDirectory(pgBase, "data-"), 0);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx1g"));
        // the JVM options that build is deployed with (GC choice included), so builds compare as shipped
        List<String> shipped = shippedJvmOptions(Path.of(a.get("app")));
        System.out.println("service JVM options as shipped: " + shipped);
        cmd.addAll(shipped);
        String extra = System.getenv("BENCH_APP_OPTS"); // e.g. a JFR recording: -XX:StartFlightRecording=...
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        // writes need a key since the security module: the run's own bootstrap admin key (a build without it
        // ignores both the setting and the header)
        String key = "bench-" + java.util.UUID.randomUUID();
        cmd.addAll(List.of("-Dquarkus.http.port=" + port, "-Dclaimwire.security.bootstrap-admin-key=" + key,
                "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                "-Dquarkus.datasource.jdbc.url=" + pg.jdbcUrl(),
                "-Dclaimwire.ingest.feeds.poller-enabled=false",
                "-Dquarkus.log.level=WARN",
                "-jar", a.get("app")));
        Process app = new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(Path.of("ingest-service.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            waitReady(http, port);
            // payloads: ninjs lines (the same bytes go to the plain producer)
            // JIT warm-up on the whole corpus with each body's words shuffled (same lengths and vocabulary, new
            // content, so the measured run is neither a duplicate nor a near-duplicate of it), then the measured
            // run on the original stories: a steady state, not the JIT's first minutes
            List<String> warm = lines(shuffledWords(items), "warm");
            List<String> run = lines(items, "run");
            post(http, port, key, warm, batch, threads);
            Thread.sleep(2000); // let the warm-up's garbage and compilations settle
            long cpu0 = cpuNanos(app);
            long t0 = System.nanoTime();
            Map<String, Integer> outcomes = post(http, port, key, run, batch, threads);
            double secs = (System.nanoTime() - t0) / 1e9;
            double appCpuUs = (cpuNanos(app) - cpu0) / 1e3 / run.size();
            double ingestRate = run.size() / secs;

            double plainRate = plainProducer(broker.bootstrapServers(), run);
            System.out.printf("batch endpoint (batch=%d, %d client threads): %d stories in %.2f s = %.0f stories/s; outcomes %s%n",
                    batch, threads, run.size(), secs, ingestRate, outcomes);
            System.out.printf("plain KafkaProducer, same payloads/broker (acks=all, idempotent): %.0f records/s%n", plainRate);
            System.out.printf("ingest / plain producer = %.1f%%%n", 100 * ingestRate / plainRate);
            System.out.printf("ingest-service process CPU: %.0f us/story (all its threads, incl. GC/JIT) = %.0f stories "
                    + "per CPU-second; load average now %.1f%n", appCpuUs, 1e6 / appCpuUs,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            app.destroy();
            app.waitFor();
            broker.close();
            pg.close();
        }
        lshGrowth(items);
    }

    static List<Item> shuffledWords(List<Item> items) {
        Random rnd = new Random(42);
        List<Item> out = new ArrayList<>(items.size());
        for (Item it : items) {
            List<String> words = new ArrayList<>(List.of(it.body().split(" ")));
            java.util.Collections.shuffle(words, rnd);
            out.add(new Item(it.id(), it.headline(), String.join(" ", words)));
        }
        return out;
    }

    static long cpuNanos(Process p) {
        return p.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    static List<String> lines(List<Item> items, String prefix) throws IOException {
        List<String> out = new ArrayList<>(items.size());
        for (Item it : items) {
            Map<String, Object> m = new HashMap<>();
            m.put("uri", "urn:reuters21578:" + prefix + ":" + it.id());
            m.put("headline", it.headline());
            m.put("body", it.body());
            out.add(EventJson.mapper().writeValueAsString(m));
        }
        return out;
    }

    static Map<String, Integer> post(HttpClient http, int port, String key, List<String> lines, int batch, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += batch) {
            String body = String.join("\n", lines.subList(i, Math.min(lines.size(), i + batch)));
            futures.add(pool.submit(() -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/stories/batch")).header("Content-Type", "application/x-ndjson")
                        .header("X-API-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 202) {
                    throw new IllegalStateException("batch answered " + r.statusCode() + ": " + r.body());
                }
                return r.body();
            }));
        }
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Future<String> f : futures) {
            var counts1 = EventJson.mapper().readTree(f.get()).get("counts");
            counts1.fields().forEachRemaining(e -> counts.merge(e.getKey(), e.getValue().asInt(), Integer::sum));
        }
        pool.shutdown();
        return counts;
    }

    static double plainProducer(String bootstrap, List<String> lines) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 2000; i++) { // warm-up
                producer.send(new ProducerRecord<>("bench.plain", "w" + i, lines.get(i % lines.size())));
            }
            producer.flush();
            long t0 = System.nanoTime();
            for (int i = 0; i < lines.size(); i++) {
                producer.send(new ProducerRecord<>("bench.plain", "k" + i, lines.get(i)));
            }
            producer.flush();
            return lines.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    static void lshGrowth(List<Item> items) {
        System.out.println("near-duplicate lookup (MinHash 64 x LSH 16 bands), index grown with Reuters bodies then synthetic stories:");
        List<int[]> reuters = new ArrayList<>();
        long s0 = System.nanoTime();
        for (Item it : items) {
            int[] sig = MinHasher.signature(it.body());
            if (sig != null) {
                reuters.add(sig);
            }
        }
        System.out.printf("  signature: %.1f us/story (avg over %d Reuters bodies)%n",
                (System.nanoTime() - s0) / 1e3 / items.size(), reuters.size());
        List<int[]> queries = new ArrayList<>();
        Random rnd = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Item it = items.get(rnd.nextInt(items.size()));
            int[] q = MinHasher.signature("LONDON (Other outlet) - " + it.body() + " Reporting by staff.");
            if (q != null) {
                queries.add(q);
            }
        }
        LshIndex idx = new LshIndex(0.6);
        int next = 0;
        int synth = 0;
        for (int target : new int[] {10_000, 25_000, 50_000, 100_000}) {
            while (idx.size() < target) {
                if (next < reuters.size()) {
                    idx.add(reuters.get(next), "r" + next);
                    next++;
                } else {
                    StringBuilder sb = new StringBuilder();
                    for (int w = 0; w < 120; w++) {
                        sb.append('w').append(rnd.nextInt(40_000)).append(' ');
                    }
                    idx.add(MinHasher.signature(sb.toString()), "s" + synth++);
                }
            }
            for (int[] q : queries) { // warm
                idx.query(q, null);
            }
            int hits = 0;
            long c = 0;
            long t0 = System.nanoTime();
            for (int rep = 0; rep < 5; rep++) {
                for (int[] q : queries) {
                    if (idx.query(q, null) != null) {
                        hits++;
                    }
                }
            }
            double us = (System.nanoTime() - t0) / 1e3 / (5.0 * queries.size());
            for (int[] q : queries) {
                c += idx.candidates(q);
            }
            System.out.printf("  %,7d stories indexed: %.2f us/lookup, %.1f candidates/lookup, %.0f%% of edited copies found%n",
                    idx.size(), us, c / (double) queries.size(), 100.0 * hits / (5.0 * queries.size()));
        }
    }

    static void waitReady(HttpClient http, int port) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("ingest-service did not become ready; see ingest-service.log");
    }

    /** The items with a body (test-support's ReutersCorpus reads the files). */
    static List<Item> readCorpus(Path dir) throws IOException {
        List<Item> out = new ArrayList<>();
        for (ReutersCorpus.Item i : ReutersCorpus.read(dir)) {
            String body = i.body() == null ? "" : i.body().replaceAll("\\s*\\n\\s*", "\n").trim();
            if (!body.isEmpty()) {
                out.add(new Item(i.newId(), i.title(), body));
            }
        }
        return out;
    }

    /**
     * JAVA_OPTS_APPEND of the Kubernetes manifest of the build at {@code app}
     * ({@code <module>/target/quarkus-app/quarkus-run.jar}), read from that module's application.properties,
     * minus the heap percentage (the bench sets -Xmx).
     */
    static List<String> shippedJvmOptions(Path app) throws IOException {
        Path module = app.toAbsolutePath().getParent().getParent().getParent();
        Path props = module.resolve("src/main/resources/application.properties");
        List<String> opts = new ArrayList<>();
        if (!Files.exists(props)) {
            System.out.println("no " + props + ": the service runs with JVM defaults");
            return opts;
        }
        for (String line : Files.readAllLines(props)) {
            if (line.startsWith("quarkus.kubernetes.env.vars.java-opts-append=")) {
                for (String o : line.substring(line.indexOf('=') + 1).trim().split("\\s+")) {
                    if (!o.startsWith("-XX:MaxRAMPercentage")) {
                        opts.add(o);
                    }
                }
            }
        }
        return opts;
    }
}
