package org.claimwire.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.OnOverflow;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.claimwire.events.CloudEventTypes;
import org.claimwire.events.EventJson;
import org.claimwire.events.Story;
import org.claimwire.events.Topics;
import org.claimwire.ingest.formats.RejectedInput;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes stories to {@code wire.stories.raw} (channel {@code stories-out}) as binary-mode CloudEvents
 * keyed by uri, and unreadable input to {@code wire.ingest.dlq} with the reason header. Each returned
 * future completes when the broker acked (acks=all, idempotent producer) and fails when it nacked, or at
 * once with a 413 {@link RejectedInput} when the event would not fit a record ({@link RecordLimits}).
 */
@ApplicationScoped
public class StoryPublisher {
    /** The CloudEvent source when a caller names none (every path in ingest names its own). */
    private static final String DEFAULT_SOURCE = "ingest-service";
    private static final ObjectMapper JSON = EventJson.mapper();

    @Inject
    @Channel("stories-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 65536)
    Emitter<String> stories;

    @Inject
    RecordLimits limits;

    @Inject
    @Channel("dlq-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> dlq;

    public CompletableFuture<Void> publish(Story story, String source) {
        String json;
        try {
            json = JSON.writeValueAsString(story);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        int bytes = utf8Length(json);
        if (bytes > limits.maxEventBytes()) {
            return CompletableFuture.failedFuture(new RejectedInput(RejectedInput.Kind.TOO_LARGE, "the story's event "
                    + "would be " + bytes + " bytes, more than the " + limits.maxEventBytes() + " a record may carry"));
        }
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(story.uri()).build();
        OutgoingCloudEventMetadata<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(CloudEventTypes.eventId(CloudEventTypes.STORY_INGESTED, story.uri(), story.version()))
                .withType(CloudEventTypes.STORY_INGESTED)
                .withSource(sourceUri(source))
                .withSubject(story.uri())
                .withDataContentType(CloudEventTypes.DATA_CONTENT_TYPE)
                .build();
        return send(stories, json, Metadata.of(kafka, ce));
    }

    public CompletableFuture<Void> deadLetter(String key, String payload, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key).withHeaders(headers).build();
        return send(dlq, payload, Metadata.of(kafka));
    }

    private static CompletableFuture<Void> send(Emitter<String> emitter, String payload, Metadata metadata) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Message<String> msg = Message.of(payload, metadata, () -> {
            done.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            done.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        });
        try {
            emitter.send(msg);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** UTF-8 length without encoding (the event can be megabytes). */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    static URI sourceUri(String source) {
        try {
            return URI.create(source == null ? DEFAULT_SOURCE : source);
        } catch (IllegalArgumentException e) {
            return URI.create(DEFAULT_SOURCE);
        }
    }

    /** For callers that want a stage. */
    public CompletionStage<Void> publishStage(Story story, String source) {
        return publish(story, source);
    }
}
