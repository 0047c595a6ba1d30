package org.claimwire.nlp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** nlp-service settings ({@code claimwire.nlp.*}). */
@ConfigMapping(prefix = "claimwire.nlp")
public interface NlpConfig {
    /** Stories enriched at once (CPU-bound); default: the number of cores. */
    Optional<Integer> concurrency();

    /** Load CoreNLP in the background at start-up (readiness is DOWN until loaded). */
    @WithDefault("true")
    boolean preload();

    /**
     * A file of extra attribution cues in the {@code cues.txt} format (lemma, then flags), added to the
     * built-in lexicon; an entry for a built-in lemma replaces its flags.
     */
    Optional<java.nio.file.Path> extraCues();
}
