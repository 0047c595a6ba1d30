package org.claimwire.ingest.messaging;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.claimwire.events.RecordSizes;
import org.claimwire.ingest.IngestConfig;
import org.eclipse.microprofile.config.Config;

/**
 * Derives the producers' {@code max.request.size} from {@code max-story-bytes} ({@link RecordSizes}), unless a
 * channel sets it explicitly, so a story that passed the door always fits its record.
 */
@ApplicationScoped
public class RecordLimits implements ClientCustomizer<Map<String, Object>> {

    @Inject
    IngestConfig config;

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> client) {
        boolean producer = client.containsKey(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)
                && !client.containsKey("group.id");
        if (producer && !client.containsKey(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)) {
            client.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordSizes.storyRecordBytes(config.maxStoryBytes()));
        }
        return client;
    }

    /** The largest event JSON a story may become. */
    public int maxEventBytes() {
        return RecordSizes.storyEventBytes(config.maxStoryBytes());
    }

    /** True for a publish failure that no retry can cure (the record itself is wrong). */
    public static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidRecordException || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }
}
