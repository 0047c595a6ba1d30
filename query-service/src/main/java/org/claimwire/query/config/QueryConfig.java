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
        /** How often an open SSE connection looks for new events. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Largest batch sent per poll. */
        @WithDefault("200")
        int batchSize();
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
