package org.claimwire.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** query-service settings, prefix {@code claimwire.query}. */
@ConfigMapping(prefix = "claimwire.query")
public interface QueryConfig {

    Api api();

    Stream stream();

    Consumer consumer();

    NameIndex nameIndex();

    Search search();

    interface Api {
        /** Default page size. */
        @WithDefault("20")
        int defaultLimit();

        /** Largest page size a client may ask for. */
        @WithDefault("200")
        int maxLimit();
    }

    interface Stream {
        /** How often the stream hub looks for new events (one query for all connections). */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Largest batch read per query. */
        @WithDefault("200")
        int batchSize();

        /** Open SSE connections per replica; one more is answered 503 with Retry-After. */
        @WithDefault("1000")
        int maxConnections();

        /** A comment line this often keeps proxies from closing an idle connection. */
        @WithDefault("15s")
        Duration heartbeat();

        /** The {@code retry:} (ms) a browser waits before it reconnects. */
        @WithDefault("3000")
        int retryMillis();

        /** Recent events kept in memory for connections that are a little behind. */
        @WithDefault("5000")
        int buffer();

        /** Events queued for one slow connection before it is closed (it reconnects with Last-Event-ID). */
        @WithDefault("1000")
        int perConnectionBuffer();

        /** Retry-After (seconds) sent with 503 when the connection cap is reached. */
        @WithDefault("10")
        int retryAfterSeconds();
    }

    interface Consumer {
        /** Attempts to store one event when the database fails (not for poison records, which go to the DLQ). */
        @WithDefault("5")
        int dbAttempts();

        @WithDefault("500ms")
        Duration dbBackoff();
    }

    /** The in-memory index behind {@code GET /api/v1/entities?q=} (search.NameIndex). */
    interface NameIndex {
        /** When false, entity search runs in SQL (pg_trgm) instead. */
        @WithDefault("true")
        boolean enabled();

        /** How often names and counts stored by other replicas are picked up. */
        @WithDefault("5s")
        Duration refreshInterval();
    }

    /** {@code GET /api/v1/search} (search.FullTextSearch). */
    interface Search {
        /**
         * How many of the newest matching story versions, and of the newest matching claims, are ranked per query;
         * results end after them. Database work per search grows with it (see the README's search numbers).
         */
        @WithDefault("200")
        int candidates();
    }
}
