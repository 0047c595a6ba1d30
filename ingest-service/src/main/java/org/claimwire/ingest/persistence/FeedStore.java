package org.claimwire.ingest.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The feed registry's transactions, for the API and the poller. Each method runs in a transaction of its own, so
 * a poll and a request never share one; a row it returns is detached (read it, do not change it).
 */
@ApplicationScoped
public class FeedStore {

    /** Registers a feed; null when a feed with this URL is registered already. */
    public FeedEntity register(String url, String name, int intervalSeconds, boolean enabled) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (FeedEntity.urlRegistered(url)) {
                return null;
            }
            FeedEntity f = new FeedEntity();
            f.url = url;
            f.name = name;
            f.intervalSeconds = intervalSeconds;
            f.enabled = enabled;
            f.createdAt = Instant.now();
            f.persist();
            return f;
        });
    }

    public List<FeedEntity> all() {
        return QuarkusTransaction.requiringNew().call(() -> FeedEntity.<FeedEntity>listAll());
    }

    /** The feed, or null. */
    public FeedEntity find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> FeedEntity.<FeedEntity>findById(id));
    }

    /**
     * Changes the fields given (null leaves one as it is): a new URL forgets the caching validators of the old
     * one; enabling a feed makes it due now and forgets why it was disabled. Null when there is no such feed.
     */
    public FeedEntity change(long id, String url, String name, Integer intervalSeconds, Boolean enabled) {
        return update(id, f -> {
            if (url != null && !url.equals(f.url)) {
                f.url = url;
                f.etag = null;
                f.lastModified = null;
            }
            if (name != null) {
                f.name = name;
            }
            if (intervalSeconds != null) {
                f.intervalSeconds = intervalSeconds;
            }
            if (enabled != null) {
                f.enabled = enabled;
                if (f.enabled) {
                    f.nextFetchAt = null;
                    f.disabledReason = null;
                }
            }
        });
    }

    /** Applies {@code change} to the feed's row in one transaction; null when there is no such feed. */
    public FeedEntity update(long id, Consumer<FeedEntity> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FeedEntity f = FeedEntity.findById(id);
            if (f == null) {
                return null;
            }
            change.accept(f);
            return f;
        });
    }

    /** True when there was such a feed. */
    public boolean delete(long id) {
        return QuarkusTransaction.requiringNew().call(() -> FeedEntity.deleteById(id));
    }

    /** {@link FeedEntity#claimDue} in a transaction of its own. */
    public boolean claimDue(long id, Instant now, Instant leaseEnd) {
        return QuarkusTransaction.requiringNew().call(() -> FeedEntity.claimDue(id, now, leaseEnd));
    }

    /** Ids of the enabled feeds due at {@code now}, by id. */
    public List<Long> dueIds(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> FeedEntity.due(now).stream().map(f -> f.id).toList());
    }
}
