package org.claimwire.ingest.formats;

import java.time.Instant;
import java.util.List;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;

/**
 * What a parser read from one input document, before normalisation, dedupe and versioning.
 * Any field may be null except where a parser guarantees otherwise; {@code body} is plain text
 * (HTML already reduced by {@code HtmlText}). {@code flashAllowed}: the format says a headline without
 * a body is a flash (ninjs, NewsML-G2), not a broken item (a feed entry without text).
 */
public record StoryDraft(
        String uri,
        Instant versionCreated,
        Instant firstCreated,
        PubStatus pubStatus,
        String language,
        String headline,
        String byline,
        String body,
        String located,
        List<Story.Subject> subjects,
        List<Story.InfoSource> infoSources,
        String url,
        boolean flashAllowed) {

    public StoryDraft {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        infoSources = infoSources == null ? List.of() : List.copyOf(infoSources);
    }

    /** A draft from a format where a headline-only item is not a flash (feeds, plain text). */
    public StoryDraft(String uri, Instant versionCreated, Instant firstCreated, PubStatus pubStatus, String language,
            String headline, String byline, String body, String located, List<Story.Subject> subjects,
            List<Story.InfoSource> infoSources, String url) {
        this(uri, versionCreated, firstCreated, pubStatus, language, headline, byline, body, located, subjects,
                infoSources, url, false);
    }

    public static StoryDraft of(String headline, String body) {
        return new StoryDraft(null, null, null, null, null, headline, null, body, null, null, null, null);
    }

    public StoryDraft withUri(String newUri) {
        return new StoryDraft(newUri, versionCreated, firstCreated, pubStatus, language, headline, byline, body,
                located, subjects, infoSources, url, flashAllowed);
    }
}
