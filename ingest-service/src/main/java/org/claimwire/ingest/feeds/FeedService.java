package org.claimwire.ingest.feeds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.claimwire.events.EventJson;
import org.claimwire.ingest.IngestConfig;
import org.claimwire.ingest.IngestPipeline;
import org.claimwire.ingest.formats.FeedParser;
import org.claimwire.ingest.formats.RejectedInput;
import org.claimwire.ingest.messaging.StoryPublisher;
import org.claimwire.ingest.persistence.FeedEntity;
import org.jboss.logging.Logger;

/**
 * Polls one feed: conditional GET, parse (ROME), each item through the pipeline on its own, unreadable
 * items to the DLQ with the reason, then the feed's status: lastFetchedAt, lastStatus, itemsSeen,
 * consecutiveErrors and the next fetch time (the feed's interval, or exponential backoff after errors).
 */
@ApplicationScoped
public class FeedService {
    private static final Logger LOG = Logger.getLogger(FeedService.class);

    @Inject
    IngestConfig config;
    @Inject
    IngestPipeline pipeline;
    @Inject
    StoryPublisher publisher;

    private SsrfGuard guard;
    private FeedFetcher fetcher;

    @PostConstruct
    void init() {
        guard = new SsrfGuard(config.feeds().allowLoopback(), config.feeds().allowPrivate());
        fetcher = new FeedFetcher(guard, config.feeds().connectTimeout(), config.feeds().readTimeout(),
                config.feeds().maxFeedBytes());
    }

    public SsrfGuard guard() {
        return guard;
    }

    /** Polls the feed now; answers its updated row. Polls of one service are serialised. */
    public synchronized FeedEntity poll(long feedId) {
        FeedEntity feed = QuarkusTransaction.requiringNew().call(() -> FeedEntity.<FeedEntity>findById(feedId));
        if (feed == null) {
            return null;
        }
        String feedKey = "feed:" + feed.id;
        Instant now = Instant.now();
        String status;
        Integer http = null;
        String error = null;
        String etag = feed.etag;
        String lastModified = feed.lastModified;
        int items = 0;
        int published = 0;
        boolean failed = false;
        try {
            FeedFetcher.Fetched f = fetcher.fetch(feed.url, feed.etag, feed.lastModified);
            http = f.status();
            if (f.notModified()) {
                status = "not-modified";
                etag = f.etag();
                lastModified = f.lastModified();
            } else if (f.status() != 200) {
                status = "http-error";
                error = "HTTP " + f.status();
                failed = true;
            } else {
                FeedParser.Parsed parsed = FeedParser.parse(f.body());
                List<IngestPipeline.Input> inputs = new ArrayList<>();
                List<FeedParser.Item> bad = new ArrayList<>();
                for (FeedParser.Item item : parsed.items()) {
                    if (item.ok()) {
                        inputs.add(new IngestPipeline.Input(item.draft(), feedKey, feed.url));
                    } else {
                        bad.add(item);
                    }
                }
                items = parsed.items().size();
                List<IngestPipeline.Result> results = pipeline.ingest(inputs, "feed");
                boolean unavailable = false;
                for (int i = 0; i < results.size(); i++) {
                    IngestPipeline.Result r = results.get(i);
                    if (r.unavailable()) {
                        unavailable = true;
                    } else if (!r.ok()) {
                        FeedParser.Item src = parsed.items().stream().filter(FeedParser.Item::ok).toList().get(i);
                        bad.add(new FeedParser.Item(src.index(), src.id(), null, r.error().getMessage()));
                    } else if (r.outcome().publishes()) {
                        published++;
                    }
                }
                for (FeedParser.Item b : bad) {
                    deadLetter(feed, b.index(), b.id(), b.error());
                }
                if (unavailable) {
                    status = "broker-unavailable";
                    error = "the broker did not acknowledge every item; the feed will be fetched again";
                    failed = true;
                } else {
                    status = bad.isEmpty() ? "ok" : "ok-with-errors";
                    if (!bad.isEmpty()) {
                        error = bad.size() + " item(s) dead-lettered; last: " + bad.get(bad.size() - 1).error();
                    }
                    etag = f.etag();
                    lastModified = f.lastModified();
                }
            }
        } catch (SsrfGuard.Refused e) {
            status = "refused";
            error = e.getMessage();
            failed = true;
        } catch (RejectedInput e) {
            status = e.kind() == RejectedInput.Kind.TOO_LARGE ? "too-large" : "unparseable";
            error = e.getMessage();
            failed = true;
        } catch (java.net.http.HttpTimeoutException e) {
            status = "timeout";
            error = String.valueOf(e.getMessage());
            failed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "interrupted";
            failed = true;
        } catch (Exception e) {
            status = "fetch-error";
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            failed = true;
        }
        final String fStatus = status;
        final Integer fHttp = http;
        final String fError = error;
        final String fEtag = etag;
        final String fLm = lastModified;
        final int fItems = items;
        final int fPublished = published;
        final boolean fFailed = failed;
        return QuarkusTransaction.requiringNew().call(() -> {
            FeedEntity e = FeedEntity.findById(feedId);
            if (e == null) {
                return null;
            }
            e.lastFetchedAt = now;
            e.lastStatus = fStatus;
            e.lastHttpStatus = fHttp;
            e.lastError = fError;
            e.etag = fEtag;
            e.lastModified = fLm;
            e.itemsSeen += fItems;
            e.itemsPublished += fPublished;
            e.consecutiveErrors = fFailed ? e.consecutiveErrors + 1 : 0;
            e.nextFetchAt = now.plus(nextDelay(e.intervalSeconds, e.consecutiveErrors, config.feeds().maxBackoffSeconds()));
            return e;
        });
    }

    /** The feed's interval, doubled per consecutive error, capped. */
    public static Duration nextDelay(int intervalSeconds, int consecutiveErrors, int maxBackoffSeconds) {
        if (consecutiveErrors <= 0) {
            return Duration.ofSeconds(intervalSeconds);
        }
        long d = (long) intervalSeconds << Math.min(consecutiveErrors, 20);
        return Duration.ofSeconds(Math.min(d, Math.max(maxBackoffSeconds, intervalSeconds)));
    }

    private void deadLetter(FeedEntity feed, int index, String itemId, String reason) {
        ObjectNode payload = EventJson.mapper().createObjectNode();
        payload.put("feedId", feed.id);
        payload.put("feedUrl", feed.url);
        payload.put("itemIndex", index);
        payload.put("itemId", itemId);
        payload.put("reason", reason);
        try {
            publisher.deadLetter(itemId != null ? itemId : feed.url + "#" + index, payload.toString(), reason)
                    .get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("could not dead-letter item %d of feed %s: %s", index, feed.url, e);
        }
    }

    /**
     * Claims a due feed for this replica before the poller polls it: one atomic UPDATE moves its next fetch
     * time a lease ahead, so of several replicas ticking at once exactly one polls each feed per interval (the
     * poll then sets the real next fetch time). A replica that dies mid-poll loses the feed to another when the
     * lease runs out. True when this replica won the claim.
     */
    public boolean claim(long feedId) {
        Instant now = Instant.now();
        Instant leaseEnd = now.plus(pollLease());
        return QuarkusTransaction.requiringNew().call(() -> FeedEntity.update(
                "nextFetchAt = ?1 where id = ?2 and enabled = true and (nextFetchAt is null or nextFetchAt <= ?3)",
                leaseEnd, feedId, now)) == 1;
    }

    /** Longer than any one poll can take: fetch timeouts, then the broker's ack wait, plus a margin. */
    Duration pollLease() {
        return config.feeds().connectTimeout().plus(config.feeds().readTimeout()).plus(config.publishTimeout())
                .plusSeconds(60);
    }

    /** For the poller: ids of enabled feeds that are due. */
    public List<Long> dueFeeds() {
        return QuarkusTransaction.requiringNew().call(() -> FeedEntity.due(Instant.now()).stream().map(f -> f.id).toList());
    }
}
