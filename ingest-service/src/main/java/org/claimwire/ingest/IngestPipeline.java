package org.claimwire.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
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
import org.claimwire.ingest.formats.RejectedInput;
import org.claimwire.ingest.formats.StoryDraft;
import org.claimwire.ingest.messaging.StoryPublisher;
import org.claimwire.ingest.normalise.FastPathLanguageDetector;
import org.claimwire.ingest.normalise.LanguageDetector;
import org.claimwire.ingest.normalise.OpenNlpLanguageDetector;
import org.claimwire.ingest.normalise.StoryNormaliser;
import org.claimwire.ingest.persistence.StateStore;
import org.claimwire.security.WriteScope;
import org.jboss.logging.Logger;

/**
 * The one path every source takes: normalise → dedupe/version → publish → wait for the broker's ack →
 * remember. A publish that is not acked in time is taken back (dedupe forgets it) and reported as
 * unavailable, so callers answer 503 and nothing is accepted and lost; an answer that rested on such a
 * publish ("duplicate" of a copy in flight) is never given, the input is decided again instead.
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

        static Result of(Deduplicator.Decision d) {
            return new Result(d.outcome(), d.uri(), d.version(), d.duplicateOf(), null, false);
        }

        static Result unavailable(String uri) {
            return new Result(null, uri, 0, null, null, true);
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
    org.claimwire.ingest.persistence.StateWriter stateWriter;
    @Inject
    MeterRegistry registry;

    /** Rounds of deciding again after a decision an answer rested on was taken back (broker trouble). */
    static final int MAX_ROUNDS = 3;

    private Deduplicator dedupe;
    private StoryNormaliser normaliser;
    private final ParallelNormaliser normalisers = new ParallelNormaliser(Runtime.getRuntime().availableProcessors());
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
        normaliser = new StoryNormaliser(languages, Clock.systemUTC(), config.maxClockSkew());
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

    /** The dedupe state (for tests). */
    Deduplicator dedupe() {
        return dedupe;
    }

    void onStop(@Observes ShutdownEvent ev) {
        normalisers.close();
    }

    public int knownStories() {
        return dedupe == null ? 0 : dedupe.size();
    }

    /** Work the service does on its own behalf (file drops). */
    public Result ingestOne(Input in, String metricSource) {
        return ingestOne(in, metricSource, null);
    }

    public Result ingestOne(Input in, String metricSource, WriteScope scope) {
        return ingest(List.of(in), metricSource, scope).get(0);
    }

    /** Work the service does on its own behalf (feeds, file drops): see {@link #ingest(List, String, WriteScope)}. */
    public List<Result> ingest(List<Input> inputs, String metricSource) {
        return ingest(inputs, metricSource, null);
    }

    /**
     * Processes a batch; the results are in input order.
     *
     * <ol>
     *   <li>Normalise every input (pure CPU work, spread over the cores; see {@link ParallelNormaliser}).</li>
     *   <li>Decide dedupe/version in input order under the deduplicator's lock, sending each publishing
     *       decision to the broker at once (sends are pipelined; nothing waits yet).</li>
     *   <li>Await the acks once, up to {@code publish-timeout} after the start: acked decisions are
     *       confirmed, the others taken back and answered "unavailable".</li>
     *   <li>Answers that rest on another decision still in flight (a duplicate of a copy being published
     *       by this or another request) wait for it: confirmed, the answer stands; taken back, the input
     *       is decided again (and may be published itself) in another round.</li>
     *   <li>Remember what was published in one statement per table.</li>
     * </ol>
     * {@code scope} is the caller's key (a writer creates only under its uri prefixes, or a uri ingest derives
     * for a text without one, and changes only what its source created); null for the service's own work,
     * which owns what it creates under the input's feed id (a feed's, or {@code drop}) or {@code metricSource}.
     */
    public List<Result> ingest(List<Input> inputs, String metricSource, WriteScope scope) {
        int n = inputs.size();
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        Result[] results = new Result[n];
        List<ParallelNormaliser.Prepared<Prepared>> prepared = normalisers.normaliseAll(inputs, this::prepare);
        Prepared[] normalised = new Prepared[n];
        List<StoryState> toSave = new ArrayList<>();
        List<Integer> todo = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ParallelNormaliser.Prepared<Prepared> p = prepared.get(i);
            if (p.refused() != null) {
                results[i] = Result.rejected(p.refused());
            } else {
                normalised[i] = p.value();
                todo.add(i);
            }
        }
        for (int round = 0; !todo.isEmpty(); round++) {
            if (round >= MAX_ROUNDS || System.nanoTime() - deadline >= 0) {
                for (int i : todo) {
                    results[i] = Result.unavailable(normalised[i].story().uri());
                }
                break;
            }
            todo = decideAndPublish(inputs, normalised, todo, results, toSave, deadline, scope, metricSource);
        }
        save(toSave);
        for (Result r : results) {
            String outcome = r.ok() ? r.outcome().wire() : r.unavailable() ? "unavailable" : "rejected";
            counter(metricSource, outcome).increment();
        }
        return List.of(results);
    }

    /** The normalised story and its dedupe candidate: the CPU work done for an input before any decision. */
    private record Prepared(Story story, Deduplicator.Candidate candidate) {
    }

    private Prepared prepare(Input in) {
        StoryNormaliser.Normalised n = normaliser.normalise(in.draft(), in.feedId());
        return new Prepared(n.story(), Deduplicator.Candidate.of(n.story(), n.versionCreatedGiven()));
    }

    /** One round over {@code todo}; answers the inputs to decide again (their decision was taken back). */
    private List<Integer> decideAndPublish(List<Input> inputs, Prepared[] normalised,
            List<Integer> todo, Result[] results, List<StoryState> toSave, long deadline, WriteScope scope,
            String metricSource) {
        int m = todo.size();
        Deduplicator.Decision[] decisions = new Deduplicator.Decision[m];
        List<CompletableFuture<Void>> acks = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            int i = todo.get(k);
            Story s = normalised[i].story();
            Deduplicator.Decision d = dedupe.decide(normalised[i].candidate(), writer(inputs.get(i), scope, metricSource));
            decisions[k] = d;
            if (d.publishes()) {
                Story out = new Story(s.uri(), d.version(), s.versionCreated(), s.firstCreated(), s.pubStatus(),
                        s.language(), s.headline(), s.byline(), s.body(), s.located(), s.subjects(),
                        s.infoSources(), s.url(), s.feedId(), s.contentHash(), d.duplicateOf());
                acks.add(publisher.publish(out, inputs.get(i).source()));
            } else {
                acks.add(null);
            }
        }
        // 1. our own publishes: confirm or take back every one before waiting on anybody else's, so two
        //    requests never wait on each other
        for (int k = 0; k < m; k++) {
            CompletableFuture<Void> ack = acks.get(k);
            if (ack == null) {
                continue;
            }
            Deduplicator.Decision d = decisions[k];
            int i = todo.get(k);
            RejectedInput permanent = null;
            boolean acked;
            try {
                acked = await(ack, deadline, d);
            } catch (RejectedInput r) {
                acked = false;
                permanent = r;
            }
            if (acked) {
                dedupe.confirm(d);
                toSave.add(d.newState());
                results[i] = Result.of(d);
            } else {
                dedupe.rollback(d);
                results[i] = permanent != null ? Result.rejected(permanent) : Result.unavailable(d.uri());
            }
        }
        // 2. answers resting on a decision in flight
        List<Integer> again = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            Deduplicator.Decision d = decisions[k];
            if (d.publishes()) {
                continue;
            }
            int i = todo.get(k);
            if (d.outcome() == Outcome.FORBIDDEN) {
                results[i] = Result.rejected(new RejectedInput(RejectedInput.Kind.FORBIDDEN, d.previous() == null
                        ? "this API key may not create uri '" + d.uri() + "' (not under its source's uri prefixes)"
                        : "uri '" + d.uri() + "' was created by another source; this API key may not change it"));
                continue;
            }
            if (d.dependsOn() == null) {
                results[i] = Result.of(d);
                continue;
            }
            Boolean published = settled(d.dependsOn(), deadline);
            if (published == null) {
                results[i] = Result.unavailable(d.uri());
            } else if (published) {
                results[i] = Result.of(d);
            } else {
                again.add(i);
            }
        }
        return again;
    }

    private static Deduplicator.Writer writer(Input in, WriteScope scope, String metricSource) {
        if (scope == null) {
            return new Deduplicator.Writer(in.feedId() != null ? in.feedId() : metricSource, true, uri -> true);
        }
        boolean derived = in.draft().uri() == null || in.draft().uri().isBlank();
        return new Deduplicator.Writer(scope.source(), scope.admin(), derived ? uri -> true : scope::mayCreate);
    }

    /**
     * True when acked, false when not in time (the broker may be away: worth a retry); throws a rejection when
     * the record can never be sent (too large for it, unserialisable), so nobody retries it forever.
     */
    private static boolean await(CompletableFuture<Void> ack, long deadline, Deduplicator.Decision d) {
        try {
            long left = Math.max(1, deadline - System.nanoTime());
            ack.get(left, TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RejectedInput r) {
                throw r;
            }
            if (org.claimwire.ingest.messaging.RecordLimits.permanent(e.getCause())) {
                LOG.warnf("publish of %s v%d failed for good: %s", d.uri(), d.version(), String.valueOf(e.getCause()));
                throw new RejectedInput(RejectedInput.Kind.TOO_LARGE, "the story could not be published: "
                        + e.getCause().getClass().getSimpleName() + " (" + e.getCause().getMessage() + ")");
            }
            LOG.warnf("publish of %s v%d not acked: %s", d.uri(), d.version(), String.valueOf(e.getCause()));
            return false;
        } catch (TimeoutException e) {
            LOG.warnf("publish of %s v%d not acked: %s", d.uri(), d.version(), String.valueOf(e.getCause() != null
                    ? e.getCause() : e));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True/false when the decision was confirmed/taken back before the deadline; null when still open. */
    private static Boolean settled(CompletableFuture<Boolean> f, long deadline) {
        try {
            return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Published already, so never a reason to fail the request: failures are retried and surfaced there. */
    private void save(List<StoryState> toSave) {
        stateWriter.write(toSave);
    }

    /**
     * Dead-letters input that could not become a story (a feed item, a dropped file), waiting up to the publish
     * timeout for the broker's ack. False, and logged, when the ack did not come.
     */
    public boolean deadLetter(String key, String payload, String reason) {
        try {
            publisher.deadLetter(key, payload, reason).get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("could not dead-letter %s: %s", key, e);
            return false;
        }
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
