package org.claimwire.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimwire.testsupport.EmbeddedPostgresServer;
import org.claimwire.testsupport.TestKeys;

/**
 * The whole Claimwire pipeline for a test: ingest-service, nlp-service and query-service as processes on
 * one real Kafka broker and real PostgreSQL. Logs go to {@code e2e/target/e2e-logs/}.
 */
public final class Pipeline implements AutoCloseable {
    static final Duration STARTUP = Duration.ofMinutes(3);

    private final String bootstrapServers;
    private final EmbeddedPostgresServer ingestDb;
    private final EmbeddedPostgresServer queryDb;
    private final Path root = projectRoot();
    private final Path logDir;
    private final ServiceProcess ingest;
    private final ServiceProcess query;
    private final List<ServiceProcess> nlps = new ArrayList<>();
    /** The bootstrap admin key every service of the pipeline is started with. */
    static final String ADMIN_KEY = "e2e-bootstrap-admin-key";
    private String writerKey;

    /**
     * @param ingestDb and {@code queryDb} may be the same server (each service owns its schema); the fault
     *        tests give query-service a server of its own so they can take it away alone.
     */
    public Pipeline(String bootstrapServers, EmbeddedPostgresServer ingestDb, EmbeddedPostgresServer queryDb,
            String logName) {
        this.bootstrapServers = bootstrapServers;
        this.ingestDb = ingestDb;
        this.queryDb = queryDb;
        this.logDir = Path.of("target", "e2e-logs", logName).toAbsolutePath();
        List<String> smallJvm = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        this.ingest = new ServiceProcess("ingest-service", root, logDir, merge(kafka(), ingestDb.quarkusConfig()),
                smallJvm);
        this.query = new ServiceProcess("query-service", root, logDir, merge(kafka(), queryDb.quarkusConfig()),
                smallJvm);
        this.nlps.add(newNlp());
    }

    /** Starts the three services and waits until each reports ready. */
    public Pipeline start() {
        try {
            nlps.forEach(ServiceProcess::start);
            ingest.start();
            query.start();
            ingest.awaitReady(STARTUP);
            query.awaitReady(STARTUP);
            nlps.forEach(n -> n.awaitReady(STARTUP));
            writerKey = TestKeys.make(ingest.baseUrl(), ADMIN_KEY, "writer", "e2e",
                    List.of("urn:claimwire:e2e:", "urn:claimwire:fault:")).secret();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Another nlp-service instance in the same consumer group, started and ready. */
    public ServiceProcess addNlpInstance() {
        ServiceProcess nlp = newNlp();
        nlps.add(nlp);
        return nlp.start().awaitReady(STARTUP);
    }

    private ServiceProcess newNlp() {
        return new ServiceProcess("nlp-service", root, logDir, kafka(), List.of("-Xmx2g"),
                "nlp-service-" + (nlps.size() + 1));
    }

    /** Every service's config: the broker, and the bootstrap admin key the pipeline makes its writer key with. */
    private Map<String, String> kafka() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers, "claimwire.security.bootstrap-admin-key", ADMIN_KEY);
    }

    /**
     * A writer key of source {@code e2e}, made through ingest's admin route once the services are up: it may
     * create the uris the e2e tests post ({@code urn:claimwire:e2e:…}, {@code urn:claimwire:fault:…}).
     */
    public String writerKey() {
        return writerKey;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public EmbeddedPostgresServer ingestDb() {
        return ingestDb;
    }

    public EmbeddedPostgresServer queryDb() {
        return queryDb;
    }

    public ServiceProcess ingest() {
        return ingest;
    }

    public ServiceProcess nlp() {
        return nlps.get(0);
    }

    public List<ServiceProcess> nlps() {
        return List.copyOf(nlps);
    }

    public ServiceProcess query() {
        return query;
    }

    @Override
    public void close() {
        List<ServiceProcess> all = new ArrayList<>(nlps);
        all.add(ingest);
        all.add(query);
        all.forEach(ServiceProcess::stop);
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
        Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}
