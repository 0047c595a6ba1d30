package org.claimwire.ingest.feeds;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimwire.ingest.IngestConfig;
import org.jboss.logging.Logger;

/**
 * Background poller: every tick, hands the feeds whose next fetch time has come to a bounded pool of
 * {@code poll-threads}, each only after claiming it ({@link FeedService#claim}), so replicas never poll the
 * same feed twice. A feed is claimed only when a thread is free to poll it at once, so a slow or huge feed
 * holds one thread (for at most the fetch deadline) and delays no other. Nothing a feed does ends the timer:
 * every {@link Throwable} is caught.
 */
@ApplicationScoped
public class FeedPoller {
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    @Inject
    IngestConfig config;
    @Inject
    FeedService feeds;

    private ScheduledExecutorService timer;
    private ExecutorService pool;
    private Semaphore free;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    void start(@Observes StartupEvent ev) {
        if (!config.feeds().pollerEnabled()) {
            LOG.info("feed poller disabled (claimwire.ingest.feeds.poller-enabled=false)");
            return;
        }
        int threads = Math.max(1, config.feeds().pollThreads());
        free = new Semaphore(threads);
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "feed-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-poller");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(100, config.feeds().tick().toMillis());
        timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            for (Long id : feeds.dueFeeds()) {
                if (inFlight.contains(id)) {
                    continue;
                }
                if (!free.tryAcquire()) {
                    return; // every thread busy: the rest wait for the next tick, unclaimed
                }
                boolean handedOver = false;
                try {
                    if (feeds.claim(id)) {
                        inFlight.add(id);
                        pool.execute(() -> pollOne(id));
                        handedOver = true;
                    }
                } finally {
                    if (!handedOver) {
                        inFlight.remove(id);
                        free.release();
                    }
                }
            }
        } catch (Throwable e) {
            LOG.warn("feed poll tick failed", e);
        }
    }

    private void pollOne(long id) {
        try {
            feeds.poll(id);
        } catch (Throwable e) {
            // poll records what the feed did; this is the database failing to record it
            LOG.warnf(e, "polling feed %d failed", id);
        } finally {
            inFlight.remove(id);
            free.release();
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
