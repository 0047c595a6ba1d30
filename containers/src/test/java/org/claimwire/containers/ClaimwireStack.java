package org.claimwire.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.exception.NotModifiedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.claimwire.events.Topics;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka, PostgreSQL and the three service images on one Docker network, configured from deploy/'s manifests
 * (user, read-only root file system, dropped capabilities, no privilege escalation, memory and CPU limits) and
 * published on 127.0.0.1 only. Everything it starts carries {@link #LABEL}; {@link #close()} removes it, and
 * leftovers of an earlier run that died are removed before a start (Ryuk, which would do that, is often absent).
 */
final class ClaimwireStack implements AutoCloseable {
    static final String LABEL = "org.claimwire.containers-test";
    static final String DB_NAME = "claimwire";
    static final String DB_USER = "claimwire";
    // The manifests' startup windows are 2-3 minutes; this shared 2-core machine, at load averages near 100,
    // took 4+ minutes for three JVMs starting together.
    static final Duration SERVICE_STARTUP = Duration.ofMinutes(10);
    private static final List<String> TOPICS = List.of(Topics.STORIES_RAW, Topics.STORIES_ENRICHED,
            Topics.INGEST_DLQ, Topics.NLP_DLQ, Topics.QUERY_DLQ);

    /** A running service container and the 127.0.0.1 port its HTTP port is published on. */
    record Service(String name, GenericContainer<?> container, int hostPort, DeployManifests.Service manifest) {
        String baseUrl() {
            return "http://127.0.0.1:" + hostPort;
        }
    }

    final String adminKey = "cw-" + UUID.randomUUID();
    private final String dbPassword = UUID.randomUUID().toString();
    private final Path logs = Path.of("target", "containers-logs");
    private final Map<String, DeployManifests.Service> manifests = DeployManifests.render("base");
    private final Map<String, Service> services = new LinkedHashMap<>();
    private Network network;
    private GenericContainer<?> kafka;
    private GenericContainer<?> postgres;
    private int kafkaHostPort;
    private int postgresHostPort;

    ClaimwireStack start() {
        removeLeftovers();
        for (String service : ContainerImages.SERVICES) {
            ContainerImages.inspectLocal(ContainerImages.service(service));
        }
        if (!ContainerImages.official()) {
            ContainerImages.inspectLocal(ContainerImages.kafka());
            ContainerImages.inspectLocal(ContainerImages.postgres());
        }
        network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withLabels(Map.of(LABEL, "true"))).build();
        kafkaHostPort = freeLoopbackPort();
        postgresHostPort = freeLoopbackPort();
        kafka = kafka();
        postgres = postgres();
        Startables.deepStart(kafka, postgres).join();
        createTopics();
        for (String name : ContainerImages.SERVICES) {
            services.put(name, serviceContainer(name));
        }
        Startables.deepStart(services.values().stream().map(Service::container)).join();
        return this;
    }

    Service service(String name) {
        return services.get(name);
    }

    List<Service> services() {
        return List.copyOf(services.values());
    }

    String postgresJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresHostPort + "/" + DB_NAME;
    }

    String dbPassword() {
        return dbPassword;
    }

    /** SIGKILL, as a node losing the pod's process; the container and its volumes stay. */
    void kill(Service s) {
        docker().killContainerCmd(s.container().getContainerId()).withSignal("KILL").exec();
    }

    /** Starts a killed container again (a Kubernetes container restart) and waits until it is ready. */
    void restart(Service s) {
        try {
            docker().startContainerCmd(s.container().getContainerId()).exec();
        } catch (NotModifiedException alreadyRestartedByItsPolicy) {
            // Docker ignores the restart policy after `docker kill`, but should it not, the container runs.
        }
        ReadinessEndpoint.await(s.hostPort(), s.manifest().probePaths().get("readinessProbe"), SERVICE_STARTUP,
                () -> ReadinessEndpoint.runningOrRestarting(docker().inspectContainerCmd(s.container().getContainerId())
                        .exec().getState()));
    }

    /** How often Docker restarted a service container (its restart policy) so far. */
    int restarts(Service s) {
        Integer count = docker().inspectContainerCmd(s.container().getContainerId()).exec().getRestartCount();
        return count == null ? 0 : count;
    }

    /** Records in each DLQ topic (end minus start offsets), read through the broker's 127.0.0.1 listener. */
    Map<String, Long> dlqSizes() throws ExecutionException, InterruptedException {
        Map<String, Long> sizes = new HashMap<>();
        try (Admin admin = admin()) {
            for (String topic : List.of(Topics.INGEST_DLQ, Topics.NLP_DLQ, Topics.QUERY_DLQ)) {
                int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
                for (int p = 0; p < partitions; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                    earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
                }
                long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
                long start = admin.listOffsets(earliest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
                sizes.put(topic, end - start);
            }
        }
        return sizes;
    }

    private GenericContainer<?> kafka() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CLUSTER_ID", "5L6g3nShT-eMCtK--X86sw");
        env.put("KAFKA_NODE_ID", "1");
        env.put("KAFKA_PROCESS_ROLES", "broker,controller");
        env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:9093");
        // The services reach the broker by its network alias; the test, for topics and DLQ sizes, on 127.0.0.1.
        env.put("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093,HOST://:9094");
        env.put("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092,HOST://127.0.0.1:" + kafkaHostPort);
        env.put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,HOST:PLAINTEXT");
        env.put("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER");
        env.put("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT");
        env.put("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");
        env.put("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1");
        env.put("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        env.put("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        env.put("KAFKA_NUM_PARTITIONS", "4");
        return new GenericContainer<>(DockerImageName.parse(ContainerImages.kafka()))
                .withNetwork(network).withNetworkAliases("kafka").withEnv(env)
                .withLabel(LABEL, "kafka").withLogConsumer(logTo("kafka"))
                .withCreateContainerCmdModifier(cmd -> publishOnLoopback(cmd, 9094, kafkaHostPort))
                .waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1).withStartupTimeout(Duration.ofMinutes(3)));
    }

    private GenericContainer<?> postgres() {
        // The official image logs "ready" twice on a first start (its init server, then the real one).
        int readyLines = ContainerImages.official() ? 2 : 1;
        return new GenericContainer<>(DockerImageName.parse(ContainerImages.postgres()))
                .withNetwork(network).withNetworkAliases("postgres")
                .withLabel(LABEL, "postgres").withLogConsumer(logTo("postgres"))
                .withEnv(Map.of("POSTGRES_USER", DB_USER, "POSTGRES_PASSWORD", dbPassword, "POSTGRES_DB", DB_NAME))
                .withCreateContainerCmdModifier(cmd -> publishOnLoopback(cmd, 5432, postgresHostPort))
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", readyLines)
                        .withStartupTimeout(Duration.ofMinutes(2)));
    }

    /** A service as its Deployment runs it, with the Deployment's ConfigMap and Secret values pointed here. */
    private Service serviceContainer(String name) {
        DeployManifests.Service m = manifests.get(name);
        if (m == null) {
            throw new AssertionError("deploy/k8s/base has no Deployment " + name);
        }
        int hostPort = freeLoopbackPort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        // Write endpoints take this key once API-key auth is on (X-API-Key); harmless before.
        env.put("CLAIMWIRE_BOOTSTRAP_ADMIN_KEY", adminKey);
        if (!name.equals("nlp-service")) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/" + DB_NAME);
            env.put("QUARKUS_DATASOURCE_USERNAME", DB_USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
        }
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(ContainerImages.service(name)))
                .withNetwork(network).withNetworkAliases(name).withEnv(env)
                .withLabel(LABEL, name).withLogConsumer(logTo(name))
                .withCreateContainerCmdModifier(cmd -> {
                    asDeployed(cmd, m);
                    publishOnLoopback(cmd, m.port(), hostPort);
                })
                .waitingFor(new ReadinessEndpoint(hostPort, m.probePaths().get("readinessProbe"))
                        .withStartupTimeout(SERVICE_STARTUP));
        return new Service(name, c, hostPort, m);
    }

    /** Appends a container's output to target/containers-logs/<name>.log (kept after the container is gone). */
    private Consumer<OutputFrame> logTo(String name) {
        Path file = logs.resolve(name + ".log");
        try {
            Files.createDirectories(logs);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frame -> {
            try {
                Files.writeString(file, frame.getUtf8String(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // Diagnosis only.
            }
        };
    }

    /**
     * The Deployment's securityContext and resource limits, in Docker's terms, and its restartPolicy (Always;
     * {@link #restart} starts a container the test killed itself, and copes with Docker having done so):
     * a service that exits while it starts (e.g. its database connection timing out on a saturated machine)
     * is started again, as the kubelet would, within the startup window.
     */
    private static void asDeployed(CreateContainerCmd cmd, DeployManifests.Service m) {
        HostConfig host = cmd.getHostConfig();
        host.withRestartPolicy(RestartPolicy.alwaysRestart());
        cmd.withUser(m.runAsUser() + ":" + m.runAsGroup());
        host.withReadonlyRootfs(m.readOnlyRootFilesystem());
        if (!m.allowPrivilegeEscalation()) {
            host.withSecurityOpts(List.of("no-new-privileges"));
        }
        if (m.droppedCapabilities().contains("ALL")) {
            host.withCapDrop(Capability.ALL);
        }
        m.memoryLimit().ifPresent(v -> host.withMemory(Quantities.bytes(v)));
        m.cpuLimit().ifPresent(v -> host.withNanoCPUs(Quantities.nanoCpus(v)));
    }

    /** Publishes a container port on 127.0.0.1 only (Docker's default would be every interface). */
    private static void publishOnLoopback(CreateContainerCmd cmd, int containerPort, int hostPort) {
        ExposedPort port = ExposedPort.tcp(containerPort);
        List<ExposedPort> exposed = new ArrayList<>(Arrays.asList(cmd.getExposedPorts()));
        exposed.add(port);
        cmd.withExposedPorts(exposed);
        Ports bindings = cmd.getHostConfig().getPortBindings() == null ? new Ports() : cmd.getHostConfig().getPortBindings();
        bindings.bind(port, Ports.Binding.bindIpAndPort("127.0.0.1", hostPort));
        cmd.getHostConfig().withPortBindings(bindings).withPublishAllPorts(false);
    }

    private void createTopics() {
        try (Admin admin = admin()) {
            admin.createTopics(TOPICS.stream().map(t -> new NewTopic(t, 4, (short) 1)).toList()).all()
                    .get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the Claimwire topics", e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaHostPort);
        return Admin.create(props);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DockerClient docker() {
        return DockerClientFactory.lazyClient();
    }

    /** Containers and networks labelled by an earlier run of this test that did not get to close(). */
    private static void removeLeftovers() {
        for (Container c : docker().listContainersCmd().withShowAll(true).withLabelFilter(List.of(LABEL)).exec()) {
            docker().removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
        }
        docker().listNetworksCmd().withFilter("label", List.of(LABEL)).exec()
                .forEach(n -> docker().removeNetworkCmd(n.getId()).exec());
    }

    @Override
    public void close() {
        List<GenericContainer<?>> all = new ArrayList<>();
        services.values().forEach(s -> all.add(s.container()));
        all.add(kafka);
        all.add(postgres);
        for (GenericContainer<?> c : all) {
            if (c == null || c.getContainerId() == null) {
                continue;
            }
            c.stop();
        }
        if (network != null) {
            network.close();
        }
        removeLeftovers();
    }
}
