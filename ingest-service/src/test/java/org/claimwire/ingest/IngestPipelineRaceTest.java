package org.claimwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.claimwire.events.Story;
import org.claimwire.ingest.dedupe.Deduplicator;
import org.claimwire.ingest.dedupe.Outcome;
import org.claimwire.ingest.dedupe.StoryState;
import org.claimwire.ingest.formats.StoryDraft;
import org.claimwire.ingest.messaging.StoryPublisher;
import org.claimwire.ingest.persistence.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two copies of one story arrive together and the first copy's publish fails: the second must not be
 * answered "duplicate" (nothing was published); it waits for the first and then is decided again. Plain
 * Java: the publisher is a stand-in whose acks the test completes or fails by hand.
 */
class IngestPipelineRaceTest {
    static final String BODY = "The port authority said on Tuesday that container traffic rose for a third month "
            + "in a row, helped by a recovery in exports of machinery and chemicals to Asian markets, and that it "
            + "expected the trend to hold through the summer despite higher fuel costs for shipping lines.";

    /** Acks are handed to the test instead of a broker. */
    static final class ManualPublisher extends StoryPublisher {
        final List<CompletableFuture<Void>> acks = new CopyOnWriteArrayList<>();
        final List<Story> sent = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> publish(Story story, String source) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            sent.add(story);
            acks.add(ack);
            return ack;
        }
    }

    static final class NoStore extends StateStore {
        final List<StoryState> saved = new CopyOnWriteArrayList<>();

        @Override
        public int loadInto(Deduplicator dedupe) {
            return 0;
        }

        @Override
        public void save(List<StoryState> states) {
            saved.addAll(states);
        }
    }

    IngestPipeline pipeline;
    ManualPublisher publisher;
    NoStore store;
    ExecutorService clients = Executors.newFixedThreadPool(2);

    @BeforeEach
    void setUp() throws Exception {
        pipeline = new IngestPipeline();
        pipeline.config = (IngestConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {IngestConfig.class}, (p, m, a) -> switch (m.getName()) {
                    case "publishTimeout" -> Duration.ofSeconds(20);
                    case "nearDuplicateThreshold" -> 0.6;
                    case "maxClockSkew" -> Duration.ofMinutes(10);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        publisher = new ManualPublisher();
        store = new NoStore();
        pipeline.publisher = publisher;
        pipeline.store = store;
        pipeline.registry = new SimpleMeterRegistry();
        pipeline.stateWriter = org.claimwire.ingest.persistence.StateWriter.of(store, pipeline.registry);
        pipeline.init();
    }

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
        pipeline.onStop(null);
    }

    Future<IngestPipeline.Result> post(String uri) {
        StoryDraft draft = new StoryDraft(uri, null, null, null, null, "Port traffic rises", null, BODY, null, null,
                null, null);
        return clients.submit(() -> pipeline.ingestOne(new IngestPipeline.Input(draft, null, "test"), "test"));
    }

    @Test
    void secondCopyIsNotADuplicateWhenTheFirstPublishFails() throws Exception {
        Future<IngestPipeline.Result> first = post("urn:race:1");
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> publisher.acks.size() == 1);
        // the second copy (same uri, same content) arrives while the first is in flight
        Future<IngestPipeline.Result> second = post("urn:race:1");
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> clients instanceof ExecutorService
                && ((java.util.concurrent.ThreadPoolExecutor) clients).getActiveCount() == 2);
        Thread.sleep(200); // let the second reach its decision: a duplicate resting on the first
        assertThat(second.isDone()).as("the second copy must wait for the first copy's publish").isFalse();
        publisher.acks.get(0).completeExceptionally(new IllegalStateException("broker down"));
        IngestPipeline.Result r1 = first.get(10, TimeUnit.SECONDS);
        assertThat(r1.unavailable()).isTrue();
        // the second copy was decided again and published itself
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> publisher.acks.size() == 2);
        publisher.acks.get(1).complete(null);
        IngestPipeline.Result r2 = second.get(10, TimeUnit.SECONDS);
        assertThat(r2.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(r2.version()).isEqualTo(1);
        assertThat(store.saved).extracting(StoryState::uri).containsExactly("urn:race:1");
        assertThat(pipeline.dedupe().pending()).isZero();
        // and a third copy now is a plain duplicate
        Future<IngestPipeline.Result> third = post("urn:race:1");
        assertThat(third.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(publisher.sent).hasSize(2);
    }

    @Test
    void secondCopyIsADuplicateOnceTheFirstIsAcked() throws Exception {
        Future<IngestPipeline.Result> first = post("urn:race:2");
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> publisher.acks.size() == 1);
        Future<IngestPipeline.Result> second = post("urn:race:2-copy"); // same content, another uri
        Thread.sleep(300);
        assertThat(second.isDone()).isFalse();
        publisher.acks.get(0).complete(null);
        assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ACCEPTED);
        IngestPipeline.Result r2 = second.get(10, TimeUnit.SECONDS);
        assertThat(r2.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(r2.duplicateOf()).isEqualTo("urn:race:2");
        assertThat(publisher.sent).hasSize(1);
    }

    @Test
    void inOneBatchTheCopyOfAFailedStoryIsNotADuplicate() throws Exception {
        StoryDraft a = new StoryDraft("urn:race:3", null, null, null, null, "Port traffic rises", null, BODY, null,
                null, null, null);
        Future<List<IngestPipeline.Result>> batch = clients.submit(() -> pipeline.ingest(List.of(
                new IngestPipeline.Input(a, null, "test"), new IngestPipeline.Input(a, null, "test")), "test"));
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> publisher.acks.size() == 1);
        publisher.acks.get(0).completeExceptionally(new IllegalStateException("broker down"));
        // round 2: the copy is decided again and published
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> publisher.acks.size() == 2);
        publisher.acks.get(1).completeExceptionally(new IllegalStateException("still down"));
        List<IngestPipeline.Result> results = batch.get(10, TimeUnit.SECONDS);
        assertThat(results).allSatisfy(r -> assertThat(r.unavailable()).isTrue());
        assertThat(store.saved).isEmpty();
        assertThat(pipeline.dedupe().size()).isZero();
    }
}
