package org.claimwire.ingest.normalise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.events.TimeRange;
import org.claimwire.ingest.formats.HttpUrl;
import org.claimwire.ingest.formats.RejectedInput;
import org.claimwire.ingest.formats.StoryDraft;
import org.claimwire.ingest.normalise.text.Furniture;
import org.claimwire.ingest.normalise.text.TextSanitiser;

/**
 * Turns a parsed {@link StoryDraft} into the published shape: text sanitised and stripped of
 * furniture, language detected when the source gave none, content hash computed, {@code uri} derived
 * from the content hash when absent, {@code versionCreated} defaulted to
 * now. The version number and {@code duplicateOf} are set later by dedupe.
 *
 * <p>Dates are held to what a real item can carry: {@code versionCreated} and {@code firstCreated} no later
 * than now plus the allowed clock skew (a forged update dated 2999 would otherwise win every later version
 * comparison) and within the years 1800-2200 ({@link TimeRange}; year 300000 once stalled a consumer). A
 * {@code url} must be an absolute http or https URL.
 */
public final class StoryNormaliser {
    public static final String DERIVED_URI_PREFIX = "urn:claimwire:story:";
    static final int MAX_HEADLINE = 500;
    /** How far ahead of this clock a sender's clock may be. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(10);

    /** The normalised story (version 0 until dedupe decides) and whether its {@code versionCreated} was given. */
    public record Normalised(Story story, boolean versionCreatedGiven) {
    }

    private final LanguageDetector languages;
    private final Clock clock;
    private final Duration clockSkew;

    public StoryNormaliser(LanguageDetector languages, Clock clock) {
        this(languages, clock, DEFAULT_CLOCK_SKEW);
    }

    public StoryNormaliser(LanguageDetector languages, Clock clock, Duration clockSkew) {
        this.languages = languages;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    public Normalised normalise(StoryDraft d, String feedId) {
        PubStatus pubStatus = d.pubStatus() == null ? PubStatus.USABLE : d.pubStatus();
        String body = d.body() == null ? "" : Furniture.strip(TextSanitiser.cleanBlock(d.body()));
        String headline = TextSanitiser.cleanLine(d.headline());
        String uri = TextSanitiser.cleanLine(d.uri());
        boolean kill = pubStatus == PubStatus.CANCELED;
        // a flash: headline only, from a format where that is a complete item (see StoryDraft.flashAllowed)
        boolean flash = body.isBlank() && !kill && d.flashAllowed() && headline != null;
        if (body.isBlank() && !(kill && uri != null) && !flash) {
            if (kill) {
                throw RejectedInput.malformed("a kill (pubStatus canceled) needs the uri of the story it withdraws");
            }
            if (d.flashAllowed() && (d.body() == null || d.body().isBlank())) {
                // well-formed, but nothing to read: metadata only (or a composite/component without text)
                throw RejectedInput.notAStory("no text: the item has neither a headline nor a body");
            }
            throw RejectedInput.malformed("no body: the story has no text"
                    + (d.body() != null && !d.body().isBlank() ? " left after removing markup and page furniture" : ""));
        }
        if (headline == null) {
            headline = body.isBlank() ? "" : firstSentence(body);
        }
        if (headline.length() > MAX_HEADLINE) {
            headline = headline.substring(0, MAX_HEADLINE).trim();
        }
        String hash = ContentHash.of(headline, body);
        if (uri == null) {
            uri = DERIVED_URI_PREFIX + hash.substring(0, 32);
        }
        if (uri.length() > 1000) {
            throw RejectedInput.malformed("uri is longer than 1000 characters");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        checkPlausible("versionCreated", d.versionCreated(), now);
        checkPlausible("firstCreated", d.firstCreated(), now);
        String url = TextSanitiser.cleanLine(d.url());
        if (url != null && !HttpUrl.isHttpUrl(url)) {
            // a javascript: or data: link would run in a reader's browser wherever the story is shown
            throw RejectedInput.malformed("field 'url' must be an absolute http or https URL, got '"
                    + (url.length() > 80 ? url.substring(0, 80) + "…" : url) + "'");
        }
        boolean given = d.versionCreated() != null;
        Instant versionCreated = given ? d.versionCreated() : now;
        String language = d.language() == null ? null : TextSanitiser.cleanLine(d.language());
        if (language != null) {
            language = language.replace('_', '-').toLowerCase(Locale.ROOT);
        } else if (!body.isBlank()) {
            language = languages.detect(headline + "\n" + body);
        }
        Story story = new Story(uri, 0, versionCreated, d.firstCreated() != null ? d.firstCreated() : versionCreated,
                pubStatus, language, headline, TextSanitiser.cleanLine(d.byline()), body,
                TextSanitiser.cleanLine(d.located()), cleanSubjects(d.subjects()), cleanSources(d.infoSources()),
                url, feedId, hash, null);
        return new Normalised(story, given);
    }

    /** Refuses (400) a date outside {@link TimeRange} or later than now plus the allowed clock skew. */
    private void checkPlausible(String field, Instant t, Instant now) {
        if (t == null) {
            return;
        }
        if (!TimeRange.contains(t)) {
            throw new RejectedInput(RejectedInput.Kind.IMPLAUSIBLE_DATE, "field '" + field + "' must be "
                    + TimeRange.describe() + ", got " + t);
        }
        Instant latest = now.plus(clockSkew);
        if (t.isAfter(latest)) {
            throw new RejectedInput(RejectedInput.Kind.IMPLAUSIBLE_DATE, "field '" + field + "' is in the future: "
                    + t + " is later than now (" + now + ") plus the allowed clock skew of " + clockSkew.toMinutes()
                    + " min");
        }
    }

    static String firstSentence(String body) {
        String line = body.lines().findFirst().orElse("");
        int end = -1;
        for (int i = 0; i < line.length() - 1; i++) {
            char c = line.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && line.charAt(i + 1) == ' ' && i > 20) {
                end = i + 1;
                break;
            }
        }
        String s = end > 0 ? line.substring(0, end) : line;
        return s.length() > 160 ? s.substring(0, s.lastIndexOf(' ', 160) > 40 ? s.lastIndexOf(' ', 160) : 160) + "…" : s;
    }

    private static List<Story.Subject> cleanSubjects(List<Story.Subject> in) {
        List<Story.Subject> out = new ArrayList<>(in.size());
        for (Story.Subject s : in) {
            if (s != null) {
                out.add(new Story.Subject(TextSanitiser.cleanLine(s.name()), TextSanitiser.cleanLine(s.uri()),
                        TextSanitiser.cleanLine(s.code())));
            }
        }
        return out;
    }

    private static List<Story.InfoSource> cleanSources(List<Story.InfoSource> in) {
        List<Story.InfoSource> out = new ArrayList<>(in.size());
        for (Story.InfoSource s : in) {
            if (s != null) {
                out.add(new Story.InfoSource(TextSanitiser.cleanLine(s.name()), TextSanitiser.cleanLine(s.role()),
                        TextSanitiser.cleanLine(s.uri())));
            }
        }
        return out;
    }
}
