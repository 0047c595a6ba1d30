package org.claimwire.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One registered RSS/Atom feed and its polling status. */
@Entity
@Table(name = "feed")
public class FeedEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, unique = true)
    public String url;
    public String name;
    @Column(name = "interval_seconds", nullable = false)
    public int intervalSeconds;
    public boolean enabled = true;
    public String etag;
    @Column(name = "last_modified")
    public String lastModified;
    @Column(name = "last_fetched_at")
    public Instant lastFetchedAt;
    @Column(name = "last_status")
    public String lastStatus;
    @Column(name = "last_http_status")
    public Integer lastHttpStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "items_seen")
    public long itemsSeen;
    @Column(name = "items_published")
    public long itemsPublished;
    @Column(name = "consecutive_errors")
    public int consecutiveErrors;
    @Column(name = "next_fetch_at")
    public Instant nextFetchAt;
    /** Set when ingest disabled the feed itself (e.g. the server answered 410 Gone). */
    @Column(name = "disabled_reason")
    public String disabledReason;
    /** The URL before the server answered 301/308 and the feed was moved. */
    @Column(name = "moved_from")
    public String movedFrom;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<FeedEntity> due(Instant now) {
        return list("enabled = true and (nextFetchAt is null or nextFetchAt <= ?1) order by id", now);
    }

    /** True when a feed with this URL is registered. */
    public static boolean urlRegistered(String url) {
        return count("url", url) > 0;
    }

    /** True when a feed other than {@code feedId} polls this URL. */
    public static boolean urlPolledByAnother(String url, long feedId) {
        return count("url = ?1 and id <> ?2", url, feedId) > 0;
    }

    /**
     * One atomic UPDATE: when the feed is enabled and due at {@code now}, its next fetch time moves to
     * {@code leaseEnd}. True when this call won the feed.
     */
    public static boolean claimDue(long feedId, Instant now, Instant leaseEnd) {
        return update("nextFetchAt = ?1 where id = ?2 and enabled = true and (nextFetchAt is null or nextFetchAt <= ?3)",
                leaseEnd, feedId, now) == 1;
    }
}
