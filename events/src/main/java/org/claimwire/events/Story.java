package org.claimwire.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One version of one wire story, shaped after IPTC ninjs 3.x, plus ingest metadata
 * ({@code feedId}, {@code contentHash}, {@code duplicateOf}). {@code body} is plain text.
 * Published on {@link Topics#STORIES_RAW} keyed by {@code uri}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Story(
        String uri,
        int version,
        Instant versionCreated,
        Instant firstCreated,
        PubStatus pubStatus,
        String language,
        String headline,
        String byline,
        String body,
        String located,
        List<Subject> subjects,
        List<InfoSource> infoSources,
        String url,
        String feedId,
        String contentHash,
        String duplicateOf) {

    public Story {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        infoSources = infoSources == null ? List.of() : List.copyOf(infoSources);
        if (pubStatus == null) {
            pubStatus = PubStatus.USABLE;
        }
    }

    /** A ninjs subject: a concept the story is about. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String name, String uri, String code) {
    }

    /** A ninjs info source: who supplied the story (role e.g. "source", "provider", "originfeed"). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InfoSource(String name, String role, String uri) {
    }

    public boolean isKill() {
        return pubStatus == PubStatus.CANCELED;
    }
}
