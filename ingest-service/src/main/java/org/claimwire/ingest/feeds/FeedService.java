package org.claimwire.ingest.feeds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.claimwire.events.EventJson;
import org.claimwire.ingest.IngestConfig;
import org.claimwire.ingest.IngestPipeline;
import org.claimwire.ingest.formats.FeedParser;
import org.claimwire.ingest.formats.RejectedInput;
import org.claimwire.ingest.persistence.FeedEntity;
import org.claimwire.ingest.persistence.FeedStore;
import org.jboss.logging.Logger;

/**
 * Polls one feed: conditional GET, parse (ROME), each item through the pipeline on its own, unreadable
 * items to the DLQ with the reason, then the feed's status: lastFetchedAt, lastStatus, itemsSeen,
 * consecutiveErrors and the next fetch time (the feed's interval, or exponential backoff after errors, but
 * never sooner than the server asked: RSS {@code ttl}, {@code Cache-Control: max-age}, {@code Retry-After}
 * with 429/503). A permanent redirect (301/308) moves the feed to its new URL; 410 Gone disables it with
 * the reason.
 */
@ApplicationScoped
public class FeedService {
    private static final Logger LOG = Logger.getLogger(FeedService.class);

    @Inject
    IngestConfig config;
    @Inject
    IngestPipeline pipeline;
    @Inject
    FeedStore store;

    private SsrfGuard guard;
    private FeedFetcher fetcher;
    private final ConcurrentHashMap<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        guard = new SsrfGuard(config.feeds().allowLoopback(), config.feeds().allowPrivate());
        fetcher = new FeedFetcher(guard, config.feeds().connectTimeout(), config.feeds().readTimeout(),
                config.feeds().fetchDeadline(), config.feeds().maxFeedBytes(), config.feeds().pollThreads() * 2);
    }

    @PreDestroy
    void close() throws java.io.IOException {
        fetcher.close();
    }

    public SsrfGuard guard() {
        return guard;
    }

    /** The uri prefix of items of this feed whose guid is not a permalink. */
    public static String uriScope(long feedId) {
        return "urn:claimwire:feed:" + feedId + ":";
    }

    /** What one poll found out, written to the feed's row in one transaction. */
    private static final class Outcome {
        String status;
        Integer http;
        String error;
        String etag;
        String lastModified;
        int items;
        int published;
        boolean failed;
        Duration asked;          // ttl, max-age or Retry-After: not sooner than this
        String movedTo;          // 301/308: the feed's new URL
        String disabledReason;   // 410: disable the feed
    }

    /**
     * Polls the feed now; answers its updated row. Two polls of one feed never run at once (the second waits);
     * different feeds poll in parallel. Never throws for what the feed or its items did: every failure,
     * {@link Error}s included, is recorded on the feed.
     */
    public FeedEntity poll(long feedId) {
        ReentrantLock lock = locks.computeIfAbsent(feedId, k -> new ReentrantLock());
        lock.lock();
        try {
            FeedEntity feed = store.find(feedId);
            if (feed == null) {
                return null;
            }
            Instant now = Instant.now();
            Outcome o = new Outcome();
            o.etag = feed.etag;
            o.lastModified = feed.lastModified;
            try {
                fetchAndIngest(feed, o);
            } catch (SsrfGuard.Refused e) {
                fail(o, "refused", e.getMessage());
            } catch (RejectedInput e) {
                fail(o, e.kind() == RejectedInput.Kind.TOO_LARGE ? "too-large" : "unparseable", e.getMessage());
            } catch (FeedFetcher.DeadlineExceeded | java.net.SocketTimeoutException
                     | org.apache.http.conn.ConnectTimeoutException e) {
                fail(o, "timeout", e.getMessage());
            } catch (Exception e) {
                fail(o, "fetch-error", e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (StackOverflowError | OutOfMemoryError e) {
                LOG.errorf("polling feed %d failed: %s", feedId, e);
                fail(o, "failed", "the feed could not be processed (" + e.getClass().getSimpleName() + ")");
            } catch (Throwable e) {
                LOG.errorf(e, "polling feed %d failed", feedId);
                fail(o, "failed", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return record(feedId, now, o);
        } finally {
            lock.unlock();
        }
    }

    private static void fail(Outcome o, String status, String error) {
        o.status = status;
        o.error = error;
        o.failed = true;
    }

    private void fetchAndIngest(FeedEntity feed, Outcome o) throws Exception {
        FeedFetcher.Fetched f = fetcher.fetch(feed.url, feed.etag, feed.lastModified);
        o.http = f.status();
        if (f.movedTo() != null && !f.movedTo().toString().equals(feed.url)) {
            o.movedTo = f.movedTo().toString();
        }
        o.asked = f.maxAge();
        if (f.notModified()) {
            o.status = "not-modified";
            o.etag = f.etag();
            o.lastModified = f.lastModified();
            return;
        }
        if (f.status() == 410) {
            fail(o, "gone", "HTTP 410 Gone");
            o.disabledReason = "the server answered 410 Gone at " + Instant.now() + ": the feed was removed, so it "
                    + "is no longer polled (enable it again with PATCH {\"enabled\": true})";
            return;
        }
        if (f.status() == 429 || f.status() == 503) {
            fail(o, f.status() == 429 ? "rate-limited" : "http-error", "HTTP " + f.status()
                    + (f.retryAfter() != null ? "; the server asked to wait " + f.retryAfter().toSeconds() + " s" : ""));
            o.asked = f.retryAfter();
            return;
        }
        if (f.status() != 200) {
            fail(o, "http-error", "HTTP " + f.status());
            return;
        }
        String feedKey = "feed:" + feed.id;
        FeedParser.Parsed parsed = FeedParser.parse(f.body(), uriScope(feed.id), f.finalUri());
        if (parsed.ttl() != null && (o.asked == null || parsed.ttl().compareTo(o.asked) > 0)) {
            o.asked = parsed.ttl();
        }
        List<IngestPipeline.Input> inputs = new ArrayList<>();
        List<FeedParser.FeedItem> readable = new ArrayList<>();
        List<FeedParser.FeedItem> bad = new ArrayList<>();
        for (FeedParser.FeedItem item : parsed.items()) {
            if (item.ok()) {
                inputs.add(new IngestPipeline.Input(item.draft(), feedKey, feed.url));
                readable.add(item);
            } else {
                bad.add(item);
            }
        }
        o.items = parsed.items().size();
        List<IngestPipeline.Result> results = pipeline.ingest(inputs, "feed");
        boolean unavailable = false;
        for (int i = 0; i < results.size(); i++) {
            IngestPipeline.Result r = results.get(i);
            if (r.unavailable()) {
                unavailable = true;
            } else if (!r.ok()) {
                FeedParser.FeedItem src = readable.get(i);
                bad.add(new FeedParser.FeedItem(src.index(), src.id(), null, r.error().getMessage()));
            } else if (r.outcome().publishes()) {
                o.published++;
            }
        }
        for (FeedParser.FeedItem b : bad) {
            deadLetter(feed, b.index(), b.id(), b.error());
        }
        if (unavailable) {
            fail(o, "broker-unavailable", "the broker did not acknowledge every item; the feed will be fetched again");
            return;
        }
        o.status = bad.isEmpty() ? "ok" : "ok-with-errors";
        if (!bad.isEmpty()) {
            o.error = bad.size() + " item(s) dead-lettered; last: " + bad.get(bad.size() - 1).error();
        }
        o.etag = f.etag();
        o.lastModified = f.lastModified();
    }

    private FeedEntity record(long feedId, Instant now, Outcome o) {
        return store.update(feedId, e -> {
            e.lastFetchedAt = now;
            e.lastStatus = o.status;
            e.lastHttpStatus = o.http;
            e.lastError = o.error;
            e.etag = o.etag;
            e.lastModified = o.lastModified;
            e.itemsSeen += o.items;
            e.itemsPublished += o.published;
            e.consecutiveErrors = o.failed ? e.consecutiveErrors + 1 : 0;
            Duration delay = nextDelay(e.intervalSeconds, e.consecutiveErrors, config.feeds().maxBackoffSeconds());
            e.nextFetchAt = now.plus(honour(delay, o.asked, config.feeds().maxHonouredDelay()));
            if (o.movedTo != null) {
                if (!FeedEntity.urlPolledByAnother(o.movedTo, feedId)) {
                    LOG.infof("feed %d moved permanently: %s -> %s", feedId, e.url, o.movedTo);
                    e.movedFrom = e.url;
                    e.url = o.movedTo;
                } else {
                    e.lastError = (e.lastError == null ? "" : e.lastError + "; ") + "moved permanently to a URL that "
                            + "another registered feed already polls";
                }
            }
            if (o.disabledReason != null) {
                e.enabled = false;
                e.disabledReason = o.disabledReason;
            }
        });
    }

    /** The later of our own schedule and what the server asked for (capped, so a typo cannot silence a feed). */
    static Duration honour(Duration own, Duration asked, Duration cap) {
        if (asked == null) {
            return own;
        }
        Duration a = asked.compareTo(cap) > 0 ? cap : asked;
        return a.compareTo(own) > 0 ? a : own;
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
        pipeline.deadLetter(itemId != null ? itemId : feed.url + "#" + index, payload.toString(), reason);
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
        return store.claimDue(feedId, now, leaseEnd);
    }

    /** Longer than any one poll can take: the fetch deadline, then the broker's ack wait, plus a margin. */
    Duration pollLease() {
        return config.feeds().fetchDeadline().plus(config.publishTimeout()).plusSeconds(60);
    }

    /** For the poller: ids of enabled feeds that are due. */
    public List<Long> dueFeeds() {
        return store.dueIds(Instant.now());
    }
}
