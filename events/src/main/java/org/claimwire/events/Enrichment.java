package org.claimwire.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What nlp-service extracts from one story: the body of {@code POST /api/v1/enrich} and the
 * enrichment part of {@link EnrichedStory}. Offsets are Java String indices into the story body,
 * end exclusive.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Enrichment(String language, List<Entity> entities, List<Claim> claims) {

    public Enrichment {
        entities = entities == null ? List.of() : List.copyOf(entities);
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    public enum EntityType { PERSON, ORGANIZATION, LOCATION, MISC }

    /** How a claim is worded. */
    public enum Mode { DIRECT, INDIRECT, MIXED, UNATTRIBUTED }

    public enum Stance { ASSERTS, DENIES, NEITHER_CONFIRMS_NOR_DENIES, DECLINES_TO_COMMENT, NO_RESPONSE }

    /**
     * What is attributed (PARC 3.0 / PolNeAR): something said or written, a question, a thought or belief,
     * an intention or wish, or evidence a document or dataset shows. Absent in events written before the
     * field existed, which read as {@code STATEMENT}.
     */
    public enum Kind { STATEMENT, QUESTION, BELIEF, INTENTION, EVIDENCE }

    /** A span of the story body. */
    public record Span(int start, int end, String text) {
    }

    /** One real-world entity inside the story, with every mention that refers to it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entity(String id, String name, EntityType type, List<String> titles, List<Span> mentions) {
        public Entity {
            titles = titles == null ? List.of() : List.copyOf(titles);
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }
    }

    /** A span that refers to an entity (speaker or recipient); {@code entityId} is null when unresolved. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntityRef(String entityId, String name, int start, int end, String text) {
    }

    /** The reporting cue: "said", "told", "according to", "declined to comment". */
    public record Cue(int start, int end, String text, String lemma) {
    }

    /** When the statement was made; {@code normalized} is ISO-8601 where it could be resolved. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimeRef(String text, String normalized) {
    }

    /**
     * An attributed statement, or (mode UNATTRIBUTED, speaker null) a check-worthy statement.
     * {@code about} lists the ids of entities named in the content.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Claim(
            String id,
            EntityRef speaker,
            Cue cue,
            Span content,
            Mode mode,
            Stance stance,
            Kind kind,
            EntityRef recipient,
            TimeRef time,
            List<String> about,
            double checkWorthiness,
            double confidence) {
        public Claim {
            about = about == null ? List.of() : List.copyOf(about);
            kind = kind == null ? Kind.STATEMENT : kind;
        }
    }
}
