package org.claimwire.ingest.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.claimwire.ingest.dedupe.StoryState;
import org.jboss.logging.Logger;

/**
 * Writes dedupe state so that a failure loses nothing silently. A batch is tried {@value #ATTEMPTS} times;
 * if it still fails, its rows are written one by one, so one bad row costs only itself. Rows that cannot be
 * written wait in a bounded backlog, retried every {@value #RETRY_SECONDS} s; the backlog is the
 * {@code claimwire.ingest.state.pending} gauge and makes the readiness check DOWN, every failed attempt counts
 * in {@code claimwire.ingest.state.write.failures}. (Published but unremembered states are not a correctness
 * loss — a restart may re-publish them with the same event ids, which consumers dedupe — but they must show.)
 */
@ApplicationScoped
public class StateWriter {
    private static final Logger LOG = Logger.getLogger(StateWriter.class);
    static final int ATTEMPTS = 3;
    static final int RETRY_SECONDS = 5;
    /** Past this many unwritten states the oldest are dropped (and counted), so memory stays bounded. */
    static final int MAX_BACKLOG = 100_000;

    @Inject
    StateStore store;
    @Inject
    MeterRegistry registry;

    private final Map<String, StoryState> backlog = new LinkedHashMap<>();
    private volatile String lastError;
    private Counter failures;
    private Counter dropped;
    private ScheduledExecutorService timer;

    /** A writer over the store without the background retry (plain-Java tests). */
    public static StateWriter of(StateStore store, MeterRegistry registry) {
        StateWriter w = new StateWriter();
        w.store = store;
        w.registry = registry;
        w.meters();
        return w;
    }

    void start(@Observes StartupEvent ev) {
        meters();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "state-retry");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::retryBacklog, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    private void meters() {
        failures = Counter.builder("claimwire.ingest.state.write.failures")
                .description("Failed attempts to write dedupe state to PostgreSQL").register(registry);
        dropped = Counter.builder("claimwire.ingest.state.dropped")
                .description("Dedupe states given up because the backlog was full").register(registry);
        Gauge.builder("claimwire.ingest.state.pending", this, StateWriter::pending)
                .description("Published stories whose dedupe state is not written yet").register(registry);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Writes the states; never throws. What cannot be written now goes to the backlog. */
    public void write(List<StoryState> states) {
        if (states.isEmpty()) {
            return;
        }
        if (tryBatch(states)) {
            return;
        }
        List<StoryState> failed = new ArrayList<>();
        for (StoryState s : states) { // isolate the bad row(s)
            if (!tryOnce(List.of(s))) {
                failed.add(s);
            }
        }
        if (!failed.isEmpty()) {
            LOG.errorf("dedupe state of %d of %d published stories not written (kept for retry): %s", failed.size(),
                    states.size(), lastError);
            enqueue(failed);
        }
    }

    private boolean tryBatch(List<StoryState> states) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (tryOnce(states)) {
                return true;
            }
            if (attempt < ATTEMPTS) {
                sleep(50L << attempt);
            }
        }
        return false;
    }

    private boolean tryOnce(List<StoryState> states) {
        try {
            store.save(states);
            return true;
        } catch (Exception e) {
            failures.increment();
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            return false;
        }
    }

    private synchronized void enqueue(List<StoryState> states) {
        for (StoryState s : states) {
            backlog.merge(s.uri(), s, (a, b) -> b.version() >= a.version() ? b : a);
        }
        while (backlog.size() > MAX_BACKLOG) {
            String oldest = backlog.keySet().iterator().next();
            backlog.remove(oldest);
            dropped.increment();
        }
    }

    void retryBacklog() {
        List<StoryState> todo;
        synchronized (this) {
            if (backlog.isEmpty()) {
                return;
            }
            todo = new ArrayList<>(backlog.values());
        }
        try {
            List<StoryState> written = new ArrayList<>();
            if (tryOnce(todo)) {
                written.addAll(todo);
            } else {
                for (StoryState s : todo) {
                    if (tryOnce(List.of(s))) {
                        written.add(s);
                    }
                }
            }
            synchronized (this) {
                for (StoryState s : written) {
                    backlog.remove(s.uri(), s);
                }
            }
            if (!written.isEmpty()) {
                LOG.infof("wrote %d backlogged dedupe states; %d still pending", written.size(), pending());
            }
        } catch (Throwable t) {
            LOG.warn("dedupe state retry failed", t);
        }
    }

    /** For tests: forget the backlog. */
    synchronized void clearBacklog() {
        backlog.clear();
    }

    public synchronized int pending() {
        return backlog.size();
    }

    public String lastError() {
        return lastError;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
