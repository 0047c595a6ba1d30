package org.claimwire.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One version of one wire story, shaped after IPTC ninjs 3.x, plus ingest metadata
 * ({@code feedId}, {@code contentHash}, {@code duplicateOf}). {@code body} is plain text.
 * Published on {@link Topics#STORIES_RAW} keyed by {@code uri}.
 *
 * <p>A <em>flash</em> (an alert, a headline-only item) has an empty body and {@code flash: true}; its
 * enrichment is of the headline, so for a flash every enrichment offset indexes into {@code headline}
 * (see {@link #analysedText()}). A later version of the same uri with a body supersedes it. The flag is
 * derived from the content (empty body, not a kill), so it can never disagree with it.
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
        String duplicateOf,
        boolean flash) {

    public Story {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        infoSources = infoSources == null ? List.of() : List.copyOf(infoSources);
        if (pubStatus == null) {
            pubStatus = PubStatus.USABLE;
        }
        flash = (body == null || body.isBlank()) && pubStatus != PubStatus.CANCELED
                && headline != null && !headline.isBlank();
    }

    /** A story as before flashes were marked: {@code flash} is derived from the content. */
    public Story(String uri, int version, Instant versionCreated, Instant firstCreated, PubStatus pubStatus,
            String language, String headline, String byline, String body, String located, List<Subject> subjects,
            List<InfoSource> infoSources, String url, String feedId, String contentHash, String duplicateOf) {
        this(uri, version, versionCreated, firstCreated, pubStatus, language, headline, byline, body, located,
                subjects, infoSources, url, feedId, contentHash, duplicateOf, false);
    }

    /** The text that was enriched and that enrichment offsets index into: the body, or the headline of a flash. */
    @JsonIgnore
    public String analysedText() {
        return flash ? headline : body;
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
