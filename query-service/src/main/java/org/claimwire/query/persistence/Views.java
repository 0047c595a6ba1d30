package org.claimwire.query.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.claimwire.events.Enrichment;
import org.claimwire.events.NlpModel;
import org.claimwire.events.Story;
import org.claimwire.query.search.Highlighter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The read models the API serves (and the ask feature can reuse). */
public final class Views {
    private Views() {
    }

    /** One page of a list; {@code nextCursor} is null on the last page. */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StorySummary(long id, String uri, int version, String pubStatus, String language, String headline,
                               String byline, String source, String feedId, String url, String located,
                               Instant versionCreated, Instant firstCreated, String excerpt,
                               List<EntityMention> entities, Boolean flash) {
        StorySummary withEntities(List<EntityMention> list) {
            return new StorySummary(id, uri, version, pubStatus, language, headline, byline, source, feedId, url, located,
                    versionCreated, firstCreated, excerpt, list, flash);
        }
    }

    /** {@code flash: true} for a flash (headline only, empty body), absent otherwise. */
    static Boolean flash(String body) {
        return body == null || body.isEmpty() ? Boolean.TRUE : null;
    }

    /** Who a listed story names: global entity id, name, type, and how often the story mentions it. */
    public record EntityMention(long id, String name, String type, int mentions) {
    }

    public record VersionInfo(int version, String pubStatus, Instant versionCreated, boolean current) {
    }

    public record MentionView(int start, int end, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoryEntity(long id, String localId, String name, String canonicalName, String type, List<String> titles,
                              String resolution, List<MentionView> mentions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoryDetail(long id, String uri, int version, String pubStatus, boolean current, String language,
                              String headline, String byline, String body, String located, String url, String source,
                              String feedId,
                              // stored as JSON as the event carried them; documented as the event's types
                              @Schema(type = SchemaType.ARRAY, implementation = Story.Subject.class) JsonNode subjects,
                              @Schema(type = SchemaType.ARRAY, implementation = Story.InfoSource.class) JsonNode infoSources,
                              @Schema(implementation = NlpModel.class) JsonNode nlpModel,
                              Instant versionCreated, Instant firstCreated, Instant enrichedAt,
                              List<VersionInfo> versions, List<StoryEntity> entities,
                              List<Highlighter.Segment> highlighted, String highlightedHtml, List<ClaimView> claims,
                              Boolean flash) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntityRef(Long id, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClaimView(long id, long storyId, String uri, int storyVersion, String headline, String localId,
                            EntityRef speaker, String speakerText, EntityRef recipient, String recipientText, String cue,
                            String cueLemma, String content, Integer contentStart, Integer contentEnd,
                            @Schema(implementation = Enrichment.Mode.class) String mode,
                            @Schema(implementation = Enrichment.Stance.class) String stance,
                            @Schema(implementation = Enrichment.Kind.class) String kind, String time, String timeNormalized, Instant saidAt, List<Long> about,
                            double checkWorthiness, double confidence, String source, String language) {
    }

    public record EntitySummary(long id, String name, String type, long mentionCount, long storyCount) {
    }

    public record AliasView(@Schema(enumeration = {"NAME", "TITLE"}) String kind, String name, String reason, long storyCount, List<StoryLink> stories) {
    }

    public record StoryLink(long id, String uri) {
    }

    public record CoMention(long id, String name, String type, long storyCount) {
    }

    public record ClaimsLink(long count, String href) {
    }

    public record EntityDetail(long id, String name, String type, List<String> aliases, List<String> titles,
                               long mentionCount, long storyCount, List<AliasView> aliasSources,
                               List<CoMention> coMentioned, ClaimsLink claimsBy, ClaimsLink claimsAbout,
                               String stories) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SearchHit(@Schema(enumeration = {"story", "claim"}) String kind, long storyId, String uri, Long claimId, String headline, String snippet,
                            double rank, Instant time) {
    }

    public record StreamEvent(long seq, String kind, String data) {
    }

    /** A stream event with the entities it names, for filtering in memory (one reader for all connections). */
    public record StreamRow(long seq, String kind, String data, List<Long> entityIds) {
        public StreamEvent event() {
            return new StreamEvent(seq, kind, data);
        }
    }
}
