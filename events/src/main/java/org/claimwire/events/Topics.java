package org.claimwire.events;

/** Kafka topic names. Every record on the story topics is keyed by the story uri. */
public final class Topics {
    /** Normalised stories from ingest-service ({@link Story}). */
    public static final String STORIES_RAW = "wire.stories.raw";
    /** Stories with entities and claims from nlp-service ({@link EnrichedStory}). */
    public static final String STORIES_ENRICHED = "wire.stories.enriched";
    /** Input that ingest-service could not turn into a story, with the reason in a header. */
    public static final String INGEST_DLQ = "wire.ingest.dlq";
    /** Raw-story records nlp-service could not process. */
    public static final String NLP_DLQ = "wire.nlp.dlq";
    /** Enriched-story records query-service could not store. */
    public static final String QUERY_DLQ = "wire.query.dlq";

    /** Header carrying the human-readable reason on every dead-letter record. */
    public static final String DLQ_REASON_HEADER = "dead-letter-reason";

    private Topics() {
    }
}
