package org.claimwire.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.claimwire.events.RecordSizes;

/**
 * A real single-node KRaft Kafka broker running inside the current JVM (Kafka's own test kit, no Docker).
 * {@link #shared()} gives one broker per JVM, closed by a shutdown hook.
 */
public final class KafkaBroker implements AutoCloseable {
    /** Every topic Claimwire uses; tests get them pre-created with this many partitions. */
    public static final List<String> CLAIMWIRE_TOPICS = List.of("wire.stories.raw", "wire.stories.enriched",
            "wire.ingest.dlq", "wire.nlp.dlq", "wire.query.dlq");
    public static final int TEST_PARTITIONS = 2;
    /** The largest record any Claimwire topic admits: the broker-wide limit; each topic has its own below it. */
    public static final int MAX_MESSAGE_BYTES = RecordSizes.ENRICHED_RECORD_BYTES;

    private static KafkaBroker shared;

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = start();
            KafkaBroker broker = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-shutdown"));
        }
        return shared;
    }

    public static KafkaBroker start() {
        try {
            Path baseDir = Files.createDirectories(Path.of("target", "kafka-broker"));
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setBaseDirectory(Files.createTempDirectory(baseDir, "run-"))
                    .build();
            // Without single-replica internal topics the group coordinator never becomes available
            // and consumers never join.
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", String.valueOf(TEST_PARTITIONS))
                    // the largest topic limit broker-wide; each topic gets its own (newTopic), as in deploy/
                    .setConfigProp("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES))
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            KafkaBroker broker = new KafkaBroker(cluster);
            broker.createTopics(CLAIMWIRE_TOPICS, TEST_PARTITIONS);
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-JVM Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(props);
    }

    /**
     * A topic as deploy/'s KafkaTopics make it: a Claimwire topic gets the {@code max.message.bytes} that
     * {@link RecordSizes} derives from ingest's {@code max-story-bytes}, so a record too large for production is too
     * large here too; other topics keep the broker's limit.
     */
    public static NewTopic newTopic(String name, int partitions, int maxStoryBytes) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1);
        if (CLAIMWIRE_TOPICS.contains(name)) {
            topic.configs(Map.of("max.message.bytes", String.valueOf(RecordSizes.topicMaxMessageBytes(name, maxStoryBytes))));
        }
        return topic;
    }

    /** Creates topics that do not exist yet (see {@link #newTopic}); existing ones are left alone. */
    public void createTopics(Collection<String> names, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> newTopic(n, partitions, RecordSizes.DEFAULT_MAX_STORY_BYTES)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topics " + names, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> quarkusConfig() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            // Shutting down a test broker: nothing useful to do with the failure.
        }
    }
}
