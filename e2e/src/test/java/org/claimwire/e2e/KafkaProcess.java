package org.claimwire.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.claimwire.testsupport.KafkaBroker;

/**
 * A single-node KRaft Kafka broker as its own process, from Kafka's jars (the devstack module's classpath,
 * exactly what {@code ./claimwire demo} runs). Unlike the in-JVM broker it keeps its ports across a restart,
 * so the fault tests can take it away and bring it back under running services.
 */
public final class KafkaProcess implements AutoCloseable {
    private final Path dir;
    private final int port = freePort();
    private final int controllerPort = freePort();
    private final String classpath;
    private Process process;

    public KafkaProcess(Path dir) {
        this.dir = dir.toAbsolutePath();
        Path root = Pipeline.projectRoot();
        Path cpFile = root.resolve("devstack/target/runtime.classpath");
        try {
            this.classpath = root.resolve("devstack/target/classes") + ":" + Files.readString(cpFile).trim();
        } catch (IOException e) {
            throw new IllegalStateException(cpFile + " is missing: build the devstack module first", e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Formats the storage on first start, starts the broker and waits until it takes connections. */
    public synchronized KafkaProcess start() {
        try {
            Path props = writeProperties();
            if (!Files.exists(dir.resolve("data/meta.properties"))) {
                run(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", props.toString()));
            }
            process = new ProcessBuilder(command(List.of("kafka.Kafka", props.toString())))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile()))
                    .start();
            awaitListening(Duration.ofSeconds(60));
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("could not start Kafka", e);
        }
    }

    /** Creates the Claimwire topics with the given partitions and deploy/'s size limits (a restart keeps them). */
    public void createTopics(int partitions) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers",
                bootstrapServers()))) {
            var existing = admin.listTopics().names().get();
            var missing = KafkaBroker.CLAIMWIRE_TOPICS.stream().filter(t -> !existing.contains(t))
                    .map(t -> KafkaBroker.newTopic(t, partitions, org.claimwire.events.RecordSizes.DEFAULT_MAX_STORY_BYTES))
                    .toList();
            admin.createTopics(missing).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics", e);
        }
    }

    /** SIGTERM and wait: Kafka's controlled shutdown. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeProperties() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Path props = dir.resolve("server.properties");
        Files.writeString(props, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=4",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                // the largest record any topic takes (RecordSizes: 16 MiB enriched stories)
                "message.max.bytes=" + org.claimwire.events.RecordSizes.ENRICHED_RECORD_BYTES, ""));
        return props;
    }

    private String clusterId() {
        // Kafka cluster ids are 16 random bytes, base64url without padding.
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    private List<String> command(List<String> mainAndArgs) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:-UsePerfData", "-cp", classpath));
        cmd.addAll(mainAndArgs);
        return cmd;
    }

    private void run(List<String> mainAndArgs) throws IOException {
        Process p = new ProcessBuilder(command(mainAndArgs)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile())).start();
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException(mainAndArgs + " failed; see " + dir.resolve("kafka.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited; see " + dir.resolve("kafka.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException e) {
                ServiceProcess.sleep(300);
            }
        }
        throw new IllegalStateException("Kafka did not listen on " + port + " within " + timeout);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
