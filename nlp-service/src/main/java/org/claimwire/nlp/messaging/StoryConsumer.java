package org.claimwire.nlp.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.claimwire.events.RecordSizes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.claimwire.events.CloudEventTypes;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.EventJson;
import org.claimwire.events.Story;
import org.claimwire.nlp.EnrichmentService;
import org.claimwire.nlp.Enricher;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Consumes {@code wire.stories.raw}, enriches, publishes {@code wire.stories.enriched} (key = uri,
 * binary CloudEvent with a stable id). Runs on a worker pool with several stories in flight (one per
 * core by default); the record is acknowledged, and its offset committed, only after the enriched event
 * was acknowledged by the broker. A record that cannot be parsed or enriched throws, which nacks it:
 * the failure strategy writes it to {@code wire.nlp.dlq} with the reason in {@code dead-letter-reason}
 * and the consumer goes on.
 */
@ApplicationScoped
public class StoryConsumer {
    private static final Logger LOG = Logger.getLogger(StoryConsumer.class);
    private static final ObjectMapper MAPPER = EventJson.mapper();

    private final EnrichmentService service;
    private final MutinyEmitter<String> out;
    private final int maxRecordBytes;

    public StoryConsumer(EnrichmentService service, @Channel("enriched-out") MutinyEmitter<String> out,
            @ConfigProperty(name = "mp.messaging.outgoing.enriched-out.max.request.size",
                    defaultValue = "1048576") int maxRecordBytes) {
        this.service = service;
        this.out = out;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Incoming("stories-in")
    @Blocking(value = "nlp-workers", ordered = false)
    public void consume(ConsumerRecord<String, String> record) {
        Story story = parse(record.value());
        Enrichment enrichment;
        if (story.isKill()) {
            enrichment = new Enrichment(story.language(), List.of(), List.of());
        } else {
            // a flash (headline only) is enriched from its headline; the contract says its offsets index into it
            enrichment = service.enrich(story.analysedText(), story.language(), refDate(story), "kafka");
        }
        EnrichedStory enriched = new EnrichedStory(story, enrichment, Enricher.MODEL, Instant.now());
        String json;
        try {
            json = MAPPER.writeValueAsString(enriched);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise the enriched story: " + e.getOriginalMessage(), e);
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxRecordBytes - RecordSizes.ENVELOPE_BYTES) {
            service.failed("kafka", "too-large");
            throw new PoisonRecordException("the enriched event of " + story.uri() + " v" + story.version() + " would be "
                    + bytes + " bytes, more than the " + (maxRecordBytes - RecordSizes.ENVELOPE_BYTES)
                    + " a record may carry");
        }
        String id = CloudEventTypes.eventId(CloudEventTypes.STORY_ENRICHED, story.uri(), story.version());
        OutgoingCloudEventMetadata<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(id)
                .withType(CloudEventTypes.STORY_ENRICHED)
                .withSubject(story.uri())
                .withDataContentType(CloudEventTypes.DATA_CONTENT_TYPE)
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder().withKey(story.uri()).build();
        publishUntilAcknowledged(story, Message.of(json, Metadata.of(ce, kafka)));
        LOG.debugf("enriched %s v%d: %d entities, %d claims", story.uri(), story.version(),
                enrichment.entities().size(), enrichment.claims().size());
    }

    private static final long PUBLISH_BACKOFF_CAP_MS = 10_000;

    /**
     * A failed publish usually means the broker is away, not that the story is bad: retry (the record stays
     * unacknowledged, so its offset is not committed) rather than dead-letter a good story. A failure no retry
     * can cure (the record is too large for the broker or topic, or cannot be serialised) dead-letters the
     * story with the reason instead of retrying forever.
     */
    private void publishUntilAcknowledged(Story story, Message<String> message) {
        for (int attempt = 1; ; attempt++) {
            try {
                out.sendMessageAndAwait(message);
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                Throwable permanent = permanentCause(e);
                if (permanent != null) {
                    service.failed("kafka", "publish-rejected");
                    throw new PoisonRecordException("the enriched event of " + story.uri() + " v" + story.version()
                            + " cannot be published: " + permanent.getClass().getSimpleName() + ": "
                            + permanent.getMessage());
                }
                LOG.warnf("publishing %s v%d failed (attempt %d), retrying: %s", story.uri(), story.version(), attempt,
                        e.getMessage());
                try {
                    Thread.sleep(Math.min(PUBLISH_BACKOFF_CAP_MS, 500L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The cause no retry can cure, or null. */
    static Throwable permanentCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidRecordException || t instanceof SerializationException) {
                return t;
            }
        }
        return null;
    }

    static Story parse(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException("empty record value");
        }
        Story story;
        try {
            story = MAPPER.readValue(value, Story.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new PoisonRecordException("not a Story JSON: " + msg);
        }
        if (story == null) {
            throw new PoisonRecordException("not a Story JSON: null");
        }
        if (story.uri() == null || story.uri().isBlank()) {
            throw new PoisonRecordException("story has no uri");
        }
        if (story.version() < 1) {
            throw new PoisonRecordException("story " + story.uri() + " has version " + story.version()
                    + " (versions start at 1)");
        }
        if (story.body() == null && !story.isKill()) {
            throw new PoisonRecordException("story " + story.uri() + " has no body");
        }
        return story;
    }

    static LocalDate refDate(Story s) {
        Instant t = s.versionCreated() != null ? s.versionCreated() : s.firstCreated();
        return t == null ? null : LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** A record that can never be processed: it goes to the DLQ with this message as the reason. */
    public static final class PoisonRecordException extends RuntimeException {
        public PoisonRecordException(String message) {
            super(message);
        }
    }
}
