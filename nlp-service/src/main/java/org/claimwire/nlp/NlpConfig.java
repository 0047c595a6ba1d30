package org.claimwire.nlp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** nlp-service settings ({@code claimwire.nlp.*}). */
@ConfigMapping(prefix = "claimwire.nlp")
public interface NlpConfig {
    /** Kafka stories enriched at once (CPU-bound); default: the number of cores. */
    Optional<Integer> concurrency();

    /** Load CoreNLP in the background at start-up (readiness is DOWN until loaded). */
    @WithDefault("true")
    boolean preload();

    /**
     * A file of extra attribution cues in the {@code cues.txt} format (lemma, then flags), added to the
     * built-in lexicon; an entry for a built-in lemma replaces its flags.
     */
    Optional<java.nio.file.Path> extraCues();

    /**
     * The longest one story's dependency parses may take; sentences past it are not parsed. Keep it well under
     * the Kafka consumer's limit for an unacknowledged record
     * ({@code mp.messaging.incoming.stories-in.throttled.unprocessed-record-max-age.ms}).
     */
    @WithDefault("60s")
    Duration parseBudget();

    /** The REST lane ({@code POST /api/v1/enrich}): its own slots and queue, apart from Kafka's. */
    Rest rest();

    interface Rest {
        /** REST requests enriched at once; default: half the cores, at least one. */
        Optional<Integer> concurrency();

        /** REST requests that may wait for a slot; one more is answered 503 at once. */
        @WithDefault("16")
        int queue();

        /** Longest wait for a slot before 503. */
        @WithDefault("20s")
        Duration maxWait();

        /** Retry-After (seconds) sent with 503. */
        @WithDefault("5")
        int retryAfterSeconds();
    }
}
