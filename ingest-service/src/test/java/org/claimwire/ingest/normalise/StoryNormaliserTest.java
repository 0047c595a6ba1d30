package org.claimwire.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.claimwire.ingest.dedupe.Deduplicator;
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
}
