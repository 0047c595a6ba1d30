package org.claimwire.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.claimwire.events.Story;
import org.claimwire.ingest.dedupe.Deduplicator;
import org.claimwire.ingest.dedupe.Outcome;
import org.claimwire.ingest.dedupe.StoryState;
import org.claimwire.ingest.formats.FastPathLanguageDetector;
import org.claimwire.ingest.formats.LanguageDetector;
import org.claimwire.ingest.formats.OpenNlpLanguageDetector;
import org.claimwire.ingest.formats.RejectedInput;
import org.claimwire.ingest.formats.StoryDraft;
import org.claimwire.ingest.formats.StoryNormaliser;
import org.claimwire.ingest.messaging.StoryPublisher;
import org.claimwire.ingest.persistence.StateStore;
import org.jboss.logging.Logger;

/**
 * The one path every source takes: normalise → dedupe/version → publish → wait for the broker's ack →
 * remember. A publish that is not acked in time is taken back (dedupe forgets it) and reported as
 * unavailable, so callers answer 503 and nothing is accepted and lost.
 */
@ApplicationScoped
public class IngestPipeline {
    private static final Logger LOG = Logger.getLogger(IngestPipeline.class);

    /** One input document, already parsed. */
    public record Input(StoryDraft draft, String feedId, String source) {
    }

    /** What happened to one input: an outcome, a rejection, or "broker unavailable". */
    public record Result(Outcome outcome, String uri, int version, String duplicateOf, RejectedInput error,
            boolean unavailable) {
        public static Result rejected(RejectedInput e) {
            return new Result(null, null, 0, null, e, false);
        }

        public boolean ok() {
            return outcome != null;
        }
    }

    @Inject
    IngestConfig config;
    @Inject
    StoryPublisher publisher;
    @Inject
    StateStore store;
    @Inject
    MeterRegistry registry;

    private Deduplicator dedupe;
    private StoryNormaliser normaliser;
    private volatile boolean ready;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent ev) throws Exception {
        init();
    }

    synchronized void init() throws Exception {
        if (ready) {
            return;
        }
        LanguageDetector languages = new FastPathLanguageDetector(OpenNlpLanguageDetector.fromClasspath());
        normaliser = new StoryNormaliser(languages, Clock.systemUTC());
        dedupe = new Deduplicator(config.nearDuplicateThreshold());
        long t0 = System.nanoTime();
        int n = store.loadInto(dedupe);
        LOG.infof("dedupe index rebuilt from PostgreSQL: %d stories, %d signatures in %d ms", n,
                dedupe.indexedSignatures(), (System.nanoTime() - t0) / 1_000_000);
        ready = true;
    }

    public boolean ready() {
        return ready;
    }

    public int knownStories() {
        return dedupe == null ? 0 : dedupe.size();
    }

    public Result ingestOne(Input in, String metricSource) {
        return ingest(List.of(in), metricSource).get(0);
    }

    /** Processes a batch; the results are in input order. */
    public List<Result> ingest(List<Input> inputs, String metricSource) {
        int n = inputs.size();
        Result[] results = new Result[n];
        Deduplicator.Decision[] decisions = new Deduplicator.Decision[n];
        Story[] stories = new Story[n];
        List<CompletableFuture<Void>> acks = new ArrayList<>(n);
        int[] ackIndex = new int[n];
        for (int i = 0; i < n; i++) {
            Input in = inputs.get(i);
            try {
                StoryNormaliser.Normalised norm = normaliser.normalise(in.draft(), in.feedId());
                Story s = norm.story();
                Deduplicator.Decision d = dedupe.decide(new Deduplicator.Candidate(s.uri(), s.versionCreated(),
                        norm.versionCreatedGiven(), s.contentHash(), s.pubStatus().wireName(), norm.minhash()));
                decisions[i] = d;
                if (d.publishes()) {
                    Story out = new Story(s.uri(), d.version(), s.versionCreated(), s.firstCreated(), s.pubStatus(),
                            s.language(), s.headline(), s.byline(), s.body(), s.located(), s.subjects(),
                            s.infoSources(), s.url(), s.feedId(), s.contentHash(), d.duplicateOf());
                    stories[i] = out;
                    ackIndex[acks.size()] = i;
                    acks.add(publisher.publish(out, in.source()));
                } else {
                    results[i] = new Result(d.outcome(), d.uri(), d.version(), d.duplicateOf(), null, false);
                }
            } catch (RejectedInput e) {
                results[i] = Result.rejected(e);
            }
        }
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        List<StoryState> toSave = new ArrayList<>(acks.size());
        for (int k = 0; k < acks.size(); k++) {
            int i = ackIndex[k];
            Deduplicator.Decision d = decisions[i];
            boolean acked;
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                acks.get(k).get(left, TimeUnit.NANOSECONDS);
                acked = true;
            } catch (TimeoutException | ExecutionException e) {
                LOG.warnf("publish of %s v%d not acked: %s", d.uri(), d.version(), String.valueOf(e.getCause() != null
                        ? e.getCause() : e));
                acked = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acked = false;
            }
            if (acked) {
                toSave.add(d.newState());
                results[i] = new Result(d.outcome(), d.uri(), d.version(), d.duplicateOf(), null, false);
            } else {
                dedupe.rollback(d);
                results[i] = new Result(null, d.uri(), 0, null, null, true);
            }
        }
        try {
            store.save(toSave);
        } catch (Exception e) {
            // Published but not remembered: a restart may re-publish these with the same event ids, which
            // consumers dedupe on. Not a reason to fail the request.
            LOG.errorf(e, "could not persist dedupe state for %d published stories", toSave.size());
        }
        for (Result r : results) {
            String outcome = r.ok() ? r.outcome().wire() : r.unavailable() ? "unavailable" : "rejected";
            counter(metricSource, outcome).increment();
        }
        return List.of(results);
    }

    /** Counts input that was refused before it reached the pipeline (unparseable). */
    public void countRejected(String source) {
        counter(source, "rejected").increment();
    }

    private Counter counter(String source, String outcome) {
        return counters.computeIfAbsent(source + "|" + outcome, k -> Counter.builder("claimwire.ingest.stories")
                .description("Stories handled by ingest, by source and outcome")
                .tag("source", source).tag("outcome", outcome).register(registry));
    }
}
