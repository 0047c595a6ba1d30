package org.claimwire.nlp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.claimwire.events.Enrichment;
import org.claimwire.nlp.claims.CueLexicon;
import org.claimwire.nlp.pipeline.InputCheck;
import org.claimwire.nlp.pipeline.NlpPipeline;
import org.jboss.logging.Logger;

/**
 * The one {@link Enricher} of the process (CoreNLP loads once, in the background at start-up) shared by
 * the REST API and the Kafka consumer, each through its own {@link WorkLane}: Kafka work waits for its
 * slots (its queue is bounded by the consumer's worker pool), REST work waits in a bounded queue for a
 * bounded time and is refused ({@link WorkLane.Full}, answered 503) past it. Records metrics.
 */
@ApplicationScoped
public class EnrichmentService {
    private static final Logger LOG = Logger.getLogger(EnrichmentService.class);

    private final CompletableFuture<Enricher> enricher = new CompletableFuture<>();
    private final WorkLane kafkaLane;
    private final WorkLane restLane;
    private final Timer latency;
    private final MeterRegistry registry;
    private final NlpConfig config;

    public EnrichmentService(NlpConfig config, MeterRegistry registry) {
        this.config = config;
        int cores = Runtime.getRuntime().availableProcessors();
        int n = config.concurrency().orElse(cores);
        this.kafkaLane = new WorkLane("kafka", n, -1, null);
        this.restLane = new WorkLane("rest", config.rest().concurrency().orElse(Math.max(1, cores / 2)),
                config.rest().queue(), config.rest().maxWait());
        this.registry = registry;
        Gauge.builder("claimwire.nlp.queue.waiting", kafkaLane, WorkLane::waiting).tag("lane", "kafka")
                .description("Enrichments waiting for a slot").register(registry);
        Gauge.builder("claimwire.nlp.queue.waiting", restLane, WorkLane::waiting).tag("lane", "rest")
                .description("Enrichments waiting for a slot").register(registry);
        this.latency = Timer.builder("claimwire.nlp.enrich.latency")
                .description("Time to enrich one story (CoreNLP + entities + claims)")
                .publishPercentileHistogram()
                .register(registry);
    }

    void onStart(@Observes StartupEvent ev, NlpConfig config) {
        if (config.preload()) {
            Thread t = new Thread(this::load, "corenlp-loader");
            t.setDaemon(true);
            t.start();
        }
    }

    private synchronized void load() {
        if (enricher.isDone()) {
            return;
        }
        try {
            long t0 = System.nanoTime();
            CueLexicon cues = config.extraCues().map(CueLexicon::standardPlus).orElseGet(CueLexicon::standard);
            Enricher e = new Enricher(new NlpPipeline(config.parseBudget()), cues);
            LOG.infof("CoreNLP pipeline loaded in %d ms", (System.nanoTime() - t0) / 1_000_000);
            enricher.complete(e);
        } catch (RuntimeException | Error e) {
            LOG.error("could not load the CoreNLP pipeline", e);
            enricher.completeExceptionally(e);
        }
    }

    public boolean ready() {
        return enricher.isDone() && !enricher.isCompletedExceptionally();
    }

    /** Validates and enriches; throws {@link InputCheck.Rejected} for input that cannot be enriched. */
    public Enrichment enrich(String body, String language, LocalDate refDate, String source) {
        try {
            InputCheck.check(body);
        } catch (InputCheck.Rejected r) {
            failed(source, "rejected");
            throw r;
        }
        Enricher e = enricher();
        WorkLane lane = "rest".equals(source) ? restLane : kafkaLane;
        try {
            return lane.run(() -> {
                Timer.Sample sample = Timer.start(registry);
                Enrichment result = e.enrich(body, language, refDate);
                sample.stop(latency);
                Counter.builder("claimwire.nlp.stories.enriched").tag("source", source).register(registry).increment();
                return result;
            });
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            failed(source, "interrupted");
            throw new IllegalStateException("interrupted while waiting for an enrichment slot", ie);
        } catch (WorkLane.Full full) {
            failed(source, "busy");
            throw full;
        } catch (RuntimeException re) {
            failed(source, "error");
            throw re;
        }
    }

    public void failed(String source, String reason) {
        Counter.builder("claimwire.nlp.stories.failed").tag("source", source).tag("reason", reason)
                .register(registry).increment();
    }

    private Enricher enricher() {
        if (!enricher.isDone()) {
            load();
        }
        try {
            return enricher.get();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading CoreNLP", ie);
        } catch (ExecutionException ee) {
            throw new IllegalStateException("CoreNLP pipeline failed to load: " + ee.getCause(), ee.getCause());
        }
    }
}
