package org.claimwire.query.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.claimwire.events.CloudEventTypes;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.EventJson;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.persistence.EntityNames;
import org.claimwire.query.persistence.InvalidEventException;
import org.claimwire.query.persistence.StorableEvent;
import org.claimwire.query.persistence.StoreException;
import org.claimwire.query.persistence.StoreResult;
import org.claimwire.query.persistence.StoryStore;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code wire.stories.enriched} (channel {@code enriched-in}): parses the JSON value, stores it in one
 * database transaction and only then acks, so the offset is committed after the commit. A record that can never
 * be stored (not JSON, not an EnrichedStory, no uri) is nacked: the failure strategy sends it to
 * {@code wire.query.dlq} with the reason in header {@code dead-letter-reason} and the partition moves on.
 * Database failures are retried a few times before the record is dead-lettered too.
 */
@ApplicationScoped
public class EnrichedStoryConsumer {
    private static final Logger LOG = Logger.getLogger(EnrichedStoryConsumer.class);

    @Inject
    StoryStore store;

    @Inject
    QueryConfig config;

    @Inject
    EntityNames names;

    @Inject
    MeterRegistry registry;

    Counter stored;
    Counter history;
    Counter duplicates;
    Counter deadLettered;

    @PostConstruct
    void meters() {
        stored = Counter.builder("claimwire.query.events.stored").tag("current", "true")
                .description("enriched-story events stored as the story's current version").register(registry);
        history = Counter.builder("claimwire.query.events.stored").tag("current", "false")
                .description("enriched-story events stored as an older version (arrived late)").register(registry);
        duplicates = Counter.builder("claimwire.query.events.duplicates")
                .description("redelivered enriched-story events skipped").register(registry);
        deadLettered = Counter.builder("claimwire.query.events.dlq")
                .description("enriched-story records sent to wire.query.dlq").register(registry);
    }

    @Incoming("enriched-in")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        EnrichedStory event;
        try {
            event = parse(message.getPayload());
        } catch (InvalidEventException e) {
            return deadLetter(message, e);
        }
        String eventId = eventId(message, event);
        int attempts = Math.max(1, config.consumer().dbAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                StoreResult r = store.store(event, eventId);
                switch (r.outcome()) {
                    case STORED -> stored.increment();
                    case HISTORY -> history.increment();
                    case DUPLICATE -> duplicates.increment();
                }
                if (r.outcome() != StoreResult.Outcome.DUPLICATE) {
                    names.afterStore(); // new names searchable as soon as the story is
                }
                LOG.debugf("%s %s v%d (event %s)", r.outcome(), event.story().uri(), event.story().version(), eventId);
                return message.ack();
            } catch (InvalidEventException e) {
                return deadLetter(message, e);
            } catch (RuntimeException e) {
                if (StoreException.databaseUnavailable(e)) {
                    // The database is away, not the record bad: wait for it (the partition pauses behind this
                    // record) instead of dead-lettering good stories; readiness reports the database down meanwhile.
                    LOG.warnf("database unavailable while storing %s v%d (attempt %d), waiting: %s",
                            event.story().uri(), event.story().version(), attempt, e.getMessage());
                    sleep(Math.min(UNAVAILABLE_BACKOFF_CAP_MS, config.consumer().dbBackoff().toMillis() * attempt));
                    continue;
                }
                if (attempt >= attempts) {
                    LOG.errorf("giving up on %s v%d after %d attempts: %s", event.story().uri(), event.story().version(),
                            attempt, e.getMessage());
                    return deadLetter(message, e);
                }
                LOG.warnf("storing %s v%d failed (attempt %d of %d), retrying: %s", event.story().uri(),
                        event.story().version(), attempt, attempts, e.getMessage());
                sleep(config.consumer().dbBackoff().toMillis() * attempt);
            }
        }
    }

    private static final long UNAVAILABLE_BACKOFF_CAP_MS = 5_000;

    /** Parses and validates a record value; the exception message is the dead-letter reason. */
    public static EnrichedStory parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new InvalidEventException("empty record value (expected an EnrichedStory JSON object)");
        }
        EnrichedStory event;
        try {
            event = EventJson.mapper().readValue(payload, EnrichedStory.class);
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int nl = msg.indexOf('\n');
            throw new InvalidEventException("not an EnrichedStory JSON: " + (nl > 0 ? msg.substring(0, nl) : msg));
        }
        StorableEvent.check(event);
        return event;
    }

    private CompletionStage<Void> deadLetter(Message<String> message, RuntimeException reason) {
        deadLettered.increment();
        LOG.warnf("dead-lettering a record of enriched-in: %s", reason.getMessage());
        return message.nack(reason);
    }

    /** ce_id of the CloudEvent, else a raw ce_id header, else the id the producer would have derived. */
    static String eventId(Message<String> message, EnrichedStory event) {
        Optional<IncomingCloudEventMetadata> ce = message.getMetadata(IncomingCloudEventMetadata.class);
        if (ce.isPresent() && ce.get().getId() != null && !ce.get().getId().isBlank()) {
            return ce.get().getId();
        }
        Optional<IncomingKafkaRecordMetadata> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        if (kafka.isPresent()) {
            Header h = kafka.get().getHeaders().lastHeader("ce_id");
            if (h != null && h.value() != null && h.value().length > 0) {
                return new String(h.value(), StandardCharsets.UTF_8);
            }
        }
        return CloudEventTypes.eventId(CloudEventTypes.STORY_ENRICHED, event.story().uri(), event.story().version());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
