package org.claimwire.events;

/**
 * How large a Kafka record may be, derived from ingest's {@code max-story-bytes}, so that producers
 * ({@code max.request.size}) and topics ({@code max.message.bytes}) agree end to end: in the services, the
 * demo's broker, the test broker and deploy/'s KafkaTopics.
 *
 * <p>A story document of n bytes becomes at most 2n bytes of event JSON (escaping a quote, backslash or
 * line break doubles it; everything else is copied or shrinks: markup, entities, furniture), plus the
 * event's own fields. Ingest measures each event before it sends it and answers 413 when it would not fit,
 * so this is the one place the headroom is decided.
 */
public final class RecordSizes {
    /** ingest's default {@code claimwire.ingest.max-story-bytes}. */
    public static final int DEFAULT_MAX_STORY_BYTES = 1 << 20;
    /** Room for the record key (a uri of at most 1,000 characters), CloudEvent headers and batch framing. */
    public static final int ENVELOPE_BYTES = 64 * 1024;
    /**
     * nlp-service's producer limit: an enriched story carries the story plus entities, mentions and claims,
     * which can outgrow it several times. Also the limit of wire.query.dlq, which receives enriched records.
     */
    public static final int ENRICHED_RECORD_BYTES = 16 << 20;

    private RecordSizes() {
    }

    /** The largest event JSON ingest sends for stories of at most {@code maxStoryBytes}. */
    public static int storyEventBytes(int maxStoryBytes) {
        return 2 * maxStoryBytes + ENVELOPE_BYTES;
    }

    /** ingest's {@code max.request.size}, and the limit of the topics that carry raw story records. */
    public static int storyRecordBytes(int maxStoryBytes) {
        return storyEventBytes(maxStoryBytes) + ENVELOPE_BYTES;
    }

    /** {@code max.message.bytes} a topic needs. */
    public static int topicMaxMessageBytes(String topic, int maxStoryBytes) {
        return switch (topic) {
            case Topics.STORIES_ENRICHED, Topics.QUERY_DLQ -> ENRICHED_RECORD_BYTES;
            // raw records, and the raw records nlp could not process; ingest's DLQ gets notes and rejected items
            default -> storyRecordBytes(maxStoryBytes);
        };
    }
}
