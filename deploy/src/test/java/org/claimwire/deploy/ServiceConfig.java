package org.claimwire.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's src/main/resources/application.properties as the container sees it: the {@code %prod.} value of a
 * key wins over the plain one, and {@code ${NAME:default}} expressions resolve to their default (the manifests
 * are checked against what the service does when nothing overrides it).
 */
final class ServiceConfig {
    static final Set<String> SERVICES = new TreeSet<>(Set.of("ingest-service", "nlp-service", "query-service"));

    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\..+");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    final String service;
    final Path file;
    private final Properties properties = new Properties();

    private ServiceConfig(String service, Path file) {
        this.service = service;
        this.file = file;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    static ServiceConfig of(String service) {
        Path file = Kustomize.root().resolve(service).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(service + " has no " + file + ": the manifests are checked against it");
        }
        return new ServiceConfig(service, file);
    }

    Optional<String> get(String key) {
        String value = properties.getProperty("%prod." + key, properties.getProperty(key));
        return Optional.ofNullable(value).map(String::trim).map(this::resolve);
    }

    private String resolve(String value) {
        for (int depth = 0; depth < 10; depth++) {
            Matcher m = EXPRESSION.matcher(value);
            if (!m.find()) {
                return value;
            }
            String replacement = get(m.group(1)).orElse(m.group(2) != null ? m.group(2) : "");
            value = value.substring(0, m.start()) + replacement + value.substring(m.end());
        }
        return value;
    }

    /** Channel name -> direction ("incoming"/"outgoing") for every channel configured in the file. */
    Map<String, String> channels() {
        Map<String, String> channels = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String plain = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            Matcher m = CHANNEL_KEY.matcher(plain);
            if (m.matches()) {
                channels.put(m.group(2), m.group(1));
            }
        }
        return channels;
    }

    private String channelKey(String channel, String attribute) {
        return "mp.messaging." + channels().get(channel) + "." + channel + "." + attribute;
    }

    boolean isKafka(String channel) {
        return get(channelKey(channel, "connector")).map("smallrye-kafka"::equals).orElse(true);
    }

    /** The topics a channel reads or writes: `topic`, else `topics` (comma list), else the channel name. */
    Set<String> topicsOf(String channel) {
        Set<String> topics = new LinkedHashSet<>();
        Optional<String> topic = get(channelKey(channel, "topic"));
        if (topic.isPresent()) {
            topics.add(topic.get());
        } else {
            get(channelKey(channel, "topics")).ifPresentOrElse(
                    list -> {
                        for (String t : list.split(",")) {
                            topics.add(t.trim());
                        }
                    },
                    () -> topics.add(channel));
        }
        return topics;
    }

    /** The dead-letter topic of an incoming channel with failure-strategy=dead-letter-queue (SmallRye's default name otherwise). */
    Optional<String> deadLetterTopic(String channel) {
        if (!"dead-letter-queue".equals(get(channelKey(channel, "failure-strategy")).orElse(""))) {
            return Optional.empty();
        }
        return Optional.of(get(channelKey(channel, "dead-letter-queue.topic")).orElse("dead-letter-topic-" + channel));
    }

    /** Every Kafka topic the file names: channel topics and dead-letter topics. */
    Set<String> kafkaTopics() {
        Set<String> topics = new TreeSet<>();
        for (String channel : channels().keySet()) {
            if (isKafka(channel)) {
                topics.addAll(topicsOf(channel));
                deadLetterTopic(channel).ifPresent(topics::add);
            }
        }
        return topics;
    }

    /** The consumer group of an incoming channel: its group.id, else kafka.group.id, else the application name (Quarkus' default). */
    String groupId(String channel) {
        return get(channelKey(channel, "group.id"))
                .or(() -> get("kafka.group.id"))
                .or(() -> get("quarkus.application.name"))
                .orElseThrow(() -> new AssertionError(file + ": no group.id for channel " + channel
                        + " and no quarkus.application.name"));
    }

    /** The incoming Kafka channel that reads the given topic. */
    String incomingChannelFor(String topic) {
        return channels().entrySet().stream()
                .filter(e -> e.getValue().equals("incoming") && isKafka(e.getKey()) && topicsOf(e.getKey()).contains(topic))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError(file + ": no incoming Kafka channel reads " + topic));
    }

    /**
     * Outgoing Kafka channel -> the largest record its producer may send (max.request.size; ingest-service
     * derives it from max-story-bytes by RecordSizes unless set; elsewhere Kafka's default 1 MiB).
     */
    Map<String, Integer> producerRecordLimits() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        String fallback = service.equals("ingest-service")
                ? String.valueOf(org.claimwire.events.RecordSizes.storyRecordBytes(maxStoryBytes())) : "1048576";
        channels().forEach((channel, direction) -> {
            if (direction.equals("outgoing") && isKafka(channel)) {
                limits.put(channel, Integer.parseInt(get(channelKey(channel, "max.request.size"))
                        .or(() -> get("kafka.max.request.size")).orElse(fallback)));
            }
        });
        return limits;
    }

    /** ingest's claimwire.ingest.max-story-bytes (its default when unset). */
    int maxStoryBytes() {
        return Integer.parseInt(get("claimwire.ingest.max-story-bytes")
                .orElse(String.valueOf(org.claimwire.events.RecordSizes.DEFAULT_MAX_STORY_BYTES)));
    }

    int httpPort() {
        return Integer.parseInt(get("quarkus.http.port").orElse("8080"));
    }

    @Override
    public String toString() {
        return service;
    }
}
