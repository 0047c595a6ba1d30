package org.claimwire.devstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.claimwire.events.RecordSizes;
import org.claimwire.testsupport.KafkaBroker;

/**
 * Makes the demo broker's topics what deploy/'s KafkaTopics make them: {@code TopicsMain <bootstrap> <partitions>}
 * creates the Claimwire topics that are missing and sets each topic's {@code max.message.bytes} from
 * {@link RecordSizes} (raw stories 2 x max-story-bytes + 128 KiB, enriched stories 16 MiB), also on topics an
 * earlier demo made. {@code CLAIMWIRE_INGEST_MAX_STORY_BYTES} is read as ingest-service reads it.
 */
public final class TopicsMain {
    private TopicsMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TopicsMain <bootstrap> <partitions>");
            System.exit(2);
        }
        String env = System.getenv("CLAIMWIRE_INGEST_MAX_STORY_BYTES");
        int maxStoryBytes = env == null || env.isBlank() ? RecordSizes.DEFAULT_MAX_STORY_BYTES : Integer.parseInt(env.trim());
        int partitions = Integer.parseInt(args[1]);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> limits = new java.util.HashMap<>();
            for (String topic : KafkaBroker.CLAIMWIRE_TOPICS) {
                if (!existing.contains(topic)) {
                    missing.add(KafkaBroker.newTopic(topic, partitions, maxStoryBytes));
                } else {
                    limits.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                            new ConfigEntry("max.message.bytes",
                                    String.valueOf(RecordSizes.topicMaxMessageBytes(topic, maxStoryBytes))),
                            AlterConfigOp.OpType.SET)));
                }
            }
            admin.createTopics(missing).all().get();
            admin.incrementalAlterConfigs(limits).all().get();
            for (String topic : KafkaBroker.CLAIMWIRE_TOPICS) {
                System.out.println(topic + " max.message.bytes=" + RecordSizes.topicMaxMessageBytes(topic, maxStoryBytes));
            }
        }
    }
}
