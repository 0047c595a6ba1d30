package org.claimwire.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.claimwire.ingest.dedupe.Deduplicator;
import org.claimwire.ingest.formats.RejectedInput;
import org.claimwire.ingest.formats.StoryDraft;
import org.junit.jupiter.api.Test;

class StoryNormaliserTest {

    @Test
    void normaliserDerivesUriDefaultsTimeAndDetectsLanguage() {
        Clock clock = Clock.fixed(Instant.parse("2025-02-10T00:00:00Z"), ZoneOffset.UTC);
        StoryNormaliser n = new StoryNormaliser(OpenNlpLanguageDetector.fromClasspath(), clock);
        StoryNormaliser.Normalised a = n.normalise(StoryDraft.of("Kremlin neither confirms nor denies",
                "Kremlin spokesman Dmitry Peskov said today that he can neither confirm nor deny a US newspaper report "
                        + "that there was a telephone conversation between the US president and his Russian counterpart.\n"
                        + "Ask me anything\nExplore related questions"), null);
        assertThat(a.story().uri()).startsWith(StoryNormaliser.DERIVED_URI_PREFIX);
        assertThat(a.story().versionCreated()).isEqualTo(clock.instant());
        assertThat(a.versionCreatedGiven()).isFalse();
        assertThat(a.story().language()).isEqualTo("en");
        assertThat(a.story().body()).doesNotContain("Ask me anything");
        assertThat(a.story().contentHash()).hasSize(64);
        assertThat(Deduplicator.Candidate.of(a.story(), a.versionCreatedGiven()).minhash()).isNotNull();
        StoryDraft german = StoryDraft.of("Regierung", "Die Bundesregierung hat am Montag in Berlin neue Pläne für "
                + "die Energieversorgung vorgestellt, die im Winter greifen sollen.");
        assertThat(n.normalise(german, null).story().language()).isEqualTo("de");
        // from a format where a headline alone is not a story (feeds, plain text): refused
        assertThatThrownBy(() -> n.normalise(StoryDraft.of("H", "  "), null)).hasMessageContaining("no body");
    }

    /** A forged date in the future or outside 1800-2200 is refused (400 implausible-date) at any source. */
    @Test
    void implausibleDatesAreRefused() {
        Instant now = Instant.parse("2026-11-30T01:00:00Z");
        StoryNormaliser n = new StoryNormaliser(text -> "en", Clock.fixed(now, ZoneOffset.UTC), java.time.Duration.ofMinutes(10));
        java.util.function.BiFunction<Instant, Instant, StoryDraft> draft = (version, first) -> new StoryDraft(
                "urn:t:1", version, first, null, "en", "Council approves budget", null,
                "The council approved the budget on Monday.", null, null, null, null, true);
        // within the skew: accepted, the given date kept
        assertThat(n.normalise(draft.apply(now.plusSeconds(9 * 60), null), null).story().versionCreated())
                .isEqualTo(now.plusSeconds(9 * 60));
        assertThat(n.normalise(draft.apply(Instant.parse("1800-01-01T00:00:00Z"), null), null).story()).isNotNull();
        for (Instant future : new Instant[] {now.plusSeconds(11 * 60), Instant.parse("2999-01-01T00:00:00Z")}) {
            assertThatThrownBy(() -> n.normalise(draft.apply(future, null), null))
                    .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.kind().status).isEqualTo(400))
                    .hasMessageContaining("versionCreated");
        }
        assertThatThrownBy(() -> n.normalise(draft.apply(now.plusSeconds(11 * 60), null), null))
                .hasMessageContaining("in the future");
        assertThatThrownBy(() -> n.normalise(draft.apply(null, now.plusSeconds(3600)), null))
                .hasMessageContaining("firstCreated").hasMessageContaining("in the future");
        assertThatThrownBy(() -> n.normalise(draft.apply(Instant.parse("1799-12-31T23:59:59Z"), null), null))
                .hasMessageContaining("between the years 1800 and 2200");
        assertThatThrownBy(() -> n.normalise(draft.apply(Instant.parse("+300000-01-01T00:00:00Z"), null), null))
                .isInstanceOfSatisfying(RejectedInput.class,
                        e -> assertThat(e.kind()).isEqualTo(RejectedInput.Kind.IMPLAUSIBLE_DATE));
        // a larger configured skew lets a clock that far ahead through
        StoryNormaliser lenient = new StoryNormaliser(text -> "en", Clock.fixed(now, ZoneOffset.UTC), java.time.Duration.ofHours(2));
        assertThat(lenient.normalise(draft.apply(now.plusSeconds(3600), null), null).story()).isNotNull();
    }
}
