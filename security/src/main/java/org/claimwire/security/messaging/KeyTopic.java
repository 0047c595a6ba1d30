package org.claimwire.security.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimwire.security.ApiKey;
import org.claimwire.security.KeyDirectory;
import org.claimwire.security.KeyStore;
import org.claimwire.security.SecurityConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Shares keys between services over a compacted topic (record key = key id, value = {@link ApiKey} JSON with
 * the hash only). Every instance reads the whole topic from the beginning, without a consumer group, into its
 * {@link KeyDirectory} (and its {@link KeyStore}, where it has one), and keeps following it; making or revoking
 * a key publishes one record and waits for the broker's ack. Revocations are records, never tombstones, so
 * compaction can never bring a revoked key back on a service that still holds it in its table.
 */
@ApplicationScoped
public class KeyTopic {
    private static final Logger LOG = Logger.getLogger(KeyTopic.class);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    SecurityConfig config;
    @Inject
    KeyDirectory directory;
    @Inject
    Instance<KeyStore> store;
    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrap;

    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile boolean topicReady;
    private volatile KafkaConsumer<String, String> consumer;
    private KafkaProducer<String, String> producer;
    private Thread follower;

    void onStart(@Observes StartupEvent ev) {
        if (store.isResolvable()) {
            try {
                List<ApiKey> stored = store.get().loadAll();
                stored.forEach(directory::apply);
                LOG.infof("%d API keys loaded from the database", stored.size());
            } catch (Exception e) {
                LOG.errorf(e, "could not load API keys from the database; following the key topic only");
            }
        }
        if (!config.keys().sync()) {
            caughtUp = true;
            return;
        }
        running = true;
        follower = new Thread(this::follow, "api-key-topic");
        follower.setDaemon(true);
        follower.start();
    }

    void onStop(@Observes ShutdownEvent ev) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (follower != null) {
            try {
                follower.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(2));
            }
        }
    }

    /** True once the topic has been read to its end (or when the topic is not followed). */
    public boolean caughtUp() {
        return caughtUp;
    }

    /**
     * Publishes a key (new or revoked) and waits for the ack; then applies it here at once (the follower will
     * see it again, harmlessly). Throws when the broker did not take it: then nothing changed anywhere.
     */
    public ApiKey publish(ApiKey k) throws Exception {
        if (config.keys().sync()) {
            ensureTopic();
            producer().send(new ProducerRecord<>(config.keys().topic(), k.id(), JSON.writeValueAsString(k)))
                    .get(config.keys().publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        return remember(k);
    }

    private ApiKey remember(ApiKey k) {
        ApiKey now = directory.apply(k);
        if (store.isResolvable()) {
            try {
                store.get().save(now);
            } catch (Exception e) {
                // the topic still holds it and the directory has it; the table catches up on the next record
                LOG.errorf(e, "could not store API key %s in the database", k.id());
            }
        }
        return now;
    }

    private void follow() {
        while (running) {
            try {
                ensureTopic();
                readForever();
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("API key topic %s: %s; retrying in 5 s", config.keys().topic(), e.toString());
                sleep(5000);
            }
        }
    }

    private void readForever() {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerProps())) {
            consumer = c;
            List<PartitionInfo> parts = c.partitionsFor(config.keys().topic(), Duration.ofSeconds(10));
            if (parts == null || parts.isEmpty()) {
                throw new IllegalStateException("topic has no partitions yet");
            }
            List<TopicPartition> tps = parts.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps, Duration.ofSeconds(10));
            while (running) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofSeconds(1))) {
                    apply(r);
                }
                if (!caughtUp && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    LOG.infof("API key topic %s read to its end: %d keys known", config.keys().topic(), directory.size());
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void apply(ConsumerRecord<String, String> r) {
        if (r.value() == null) {
            return; // a tombstone: we never write them; a revocation is a record of its own
        }
        try {
            ApiKey k = JSON.readValue(r.value(), ApiKey.class);
            if (k.id() == null || k.hash() == null || k.role() == null || !k.id().equals(r.key())) {
                LOG.warnf("ignored a malformed API key record at offset %d", r.offset());
                return;
            }
            remember(k);
        } catch (Exception e) {
            LOG.warnf("ignored an unreadable API key record at offset %d: %s", r.offset(), e.toString());
        }
    }

    /** Creates the compacted topic when it does not exist (before anybody's metadata request could auto-create it). */
    private void ensureTopic() throws InterruptedException, ExecutionException, TimeoutException {
        if (topicReady) {
            return;
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000);
        try (Admin admin = Admin.create(p)) {
            Set<String> names = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            if (!names.contains(config.keys().topic())) {
                Map<String, String> cfg = new HashMap<>();
                cfg.put("cleanup.policy", "compact");
                try {
                    admin.createTopics(List.of(new NewTopic(config.keys().topic(), Optional.of(1), Optional.empty())
                            .configs(cfg))).all().get(15, TimeUnit.SECONDS);
                    LOG.infof("created the compacted API key topic %s", config.keys().topic());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        topicReady = true;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(15000, config.keys().publishTimeout().toMillis()));
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    private Properties consumerProps() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
