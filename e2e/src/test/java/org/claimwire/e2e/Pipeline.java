package org.claimwire.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.claimwire.testsupport.EmbeddedPostgresServer;
import org.claimwire.testsupport.KafkaBroker;

/**
 * The whole Claimwire pipeline for a test: ingest-service, nlp-service and query-service as processes on
 * one real Kafka broker (in this JVM) and one embedded PostgreSQL. Logs go to {@code e2e/target/e2e-logs/}.
 */
public final class Pipeline implements AutoCloseable {
    private final KafkaBroker broker;
    private final EmbeddedPostgresServer postgres;
    private final ServiceProcess ingest;
    private final ServiceProcess nlp;
    private final ServiceProcess query;

    private Pipeline(KafkaBroker broker, EmbeddedPostgresServer postgres, Path logDir) {
        this.broker = broker;
        this.postgres = postgres;
        Path root = projectRoot();
        Map<String, String> kafka = Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        Map<String, String> db = postgres.quarkusConfig();
        List<String> smallJvm = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        this.ingest = new ServiceProcess("ingest-service", root, logDir, merge(kafka, db), smallJvm);
        this.nlp = new ServiceProcess("nlp-service", root, logDir, kafka, List.of("-Xmx2g"));
        this.query = new ServiceProcess("query-service", root, logDir, merge(kafka, db), smallJvm);
    }

    /** Starts the three services and waits until each reports ready. */
    public static Pipeline start() {
        Path logDir = Path.of("target", "e2e-logs").toAbsolutePath();
        Pipeline pipeline = new Pipeline(KafkaBroker.shared(), EmbeddedPostgresServer.shared(), logDir);
        try {
            pipeline.nlp.start();
            pipeline.ingest.start();
            pipeline.query.start();
            Duration patience = Duration.ofMinutes(3);
            pipeline.ingest.awaitReady(patience);
            pipeline.query.awaitReady(patience);
            pipeline.nlp.awaitReady(patience);
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    public KafkaBroker broker() {
        return broker;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public ServiceProcess ingest() {
        return ingest;
    }

    public ServiceProcess nlp() {
        return nlp;
    }

    public ServiceProcess query() {
        return query;
    }

    @Override
    public void close() {
        for (ServiceProcess s : List.of(ingest, nlp, query)) {
            s.stop();
        }
    }

    static Path projectRoot() {
        String configured = System.getProperty("claimwire.root");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("nlp-service")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the Claimwire project root from " + dir);
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}
