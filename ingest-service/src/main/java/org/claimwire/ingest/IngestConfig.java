package org.claimwire.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Limits, allowlists and sources of ingest-service ({@code claimwire.ingest.*}). */
@ConfigMapping(prefix = "claimwire.ingest")
public interface IngestConfig {

    /** Largest single story document accepted (bytes); larger gets 413. */
    @WithDefault("1048576")
    int maxStoryBytes();

    /** Largest NDJSON batch body (bytes). Each line is still held to {@link #maxStoryBytes()}. */
    @WithDefault("67108864")
    long maxBatchBytes();

    /** Most non-blank lines (stories) in one NDJSON batch; one more → 413 and nothing of the batch is taken. */
    @WithDefault("10000")
    int maxBatchLines();

    /**
     * How far in the future a story's {@code versionCreated}/{@code firstCreated} may lie (the sender's clock may
     * be ahead of ours); later → 400 {@code implausible-date}.
     */
    @WithDefault("10m")
    Duration maxClockSkew();

    /** How long to wait for the broker's ack before answering 503. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** Retry-After (seconds) sent with 503. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** Estimated Jaccard similarity at or above which a new story is a near-duplicate. */
    @WithDefault("0.6")
    double nearDuplicateThreshold();

    Feeds feeds();

    Drop drop();

    interface Feeds {
        /** Run the background poller (tests switch it off and poll on demand). */
        @WithDefault("true")
        boolean pollerEnabled();

        @WithDefault("1s")
        Duration tick();

        /** Allow feed URLs that resolve to loopback addresses (tests). */
        @WithDefault("false")
        boolean allowLoopback();

        /** Allow feed URLs that resolve to private, link-local, CGNAT or unique-local addresses. */
        @WithDefault("false")
        boolean allowPrivate();

        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest wait for the next bytes of a feed. */
        @WithDefault("20s")
        Duration readTimeout();

        /** The whole fetch (connect, redirects, headers, body) must finish within this. */
        @WithDefault("30s")
        Duration fetchDeadline();

        /** Feeds polled at once by the background poller (one slow feed holds only its own thread). */
        @WithDefault("4")
        int pollThreads();

        /** Longest wait honoured when a feed asks for one (ttl, Cache-Control max-age, Retry-After). */
        @WithDefault("24h")
        Duration maxHonouredDelay();

        @WithDefault("5242880")
        int maxFeedBytes();

        @WithDefault("300")
        int defaultIntervalSeconds();

        @WithDefault("10")
        int minIntervalSeconds();

        @WithDefault("3600")
        int maxBackoffSeconds();
    }

    interface Drop {
        /** Watch a directory for .json/.xml files (off by default). */
        @WithDefault("false")
        boolean enabled();

        Optional<String> dir();

        @WithDefault("2s")
        Duration scanInterval();

        /** A file must be unchanged this long before it is read (it may still be arriving). */
        @WithDefault("500ms")
        Duration settle();
    }
}
