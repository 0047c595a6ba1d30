package org.claimwire.events;

import java.time.Instant;

/** A {@link Story} with its {@link Enrichment}; published on {@link Topics#STORIES_ENRICHED} keyed by story uri. */
public record EnrichedStory(Story story, Enrichment enrichment, NlpModel nlpModel, Instant enrichedAt) {
}
