package org.claimwire.ingest.feeds;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.claimwire.ingest.IngestConfig;
import org.jboss.logging.Logger;

/**
 * Background poller: every tick, polls the feeds whose next fetch time has come (one at a time), each only
 * after claiming it ({@link FeedService#claim}), so replicas never poll the same feed twice.
 */
@ApplicationScoped
public class FeedPoller {
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    @Inject
    IngestConfig config;
    @Inject
    FeedService feeds;

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent ev) {
        if (!config.feeds().pollerEnabled()) {
            LOG.info("feed poller disabled (claimwire.ingest.feeds.poller-enabled=false)");
            return;
        }
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
                if (feeds.claim(id)) {
                    feeds.poll(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("feed poll tick failed", e);
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
