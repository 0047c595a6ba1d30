package org.claimwire.query.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.claimwire.query.analysis.Exchanges.Claim;
import org.junit.jupiter.api.Test;

/** Who answers whom, on claims shaped like the seed story's (words are english-configuration stems). */
class ExchangesTest {
    static final long TRUMP = 1, PESKOV = 2, PUTIN = 3, WHITE_HOUSE = 4, REUTERS = 5, ZELENSKY = 6;
    static final Instant T = Instant.parse("2025-02-10T09:00:00Z");
    static final Set<String> HEADLINE = Set.of("kremlin", "neither", "confirm", "deni", "report", "trump", "putin", "phone", "call");
    static final Duration WEEK = Duration.ofDays(7);

    static Claim claim(long id, long speaker, String name, String stance, Instant t, long story, Set<Long> about, String... words) {
        boolean response = Exchanges.RESPONSES.contains(stance);
        return new Claim(id, speaker, name, stance, t, story, about, Set.of(words), response ? HEADLINE : Set.of(),
                Set.of(name.toLowerCase().split(" ")));
    }

    final Claim call = claim(4, TRUMP, "trump", "ASSERTS", T, 1, Set.of(PUTIN), "phone", "convers", "russian", "counterpart", "vladimir", "putin");
    final Claim dying = claim(6, TRUMP, "trump", "ASSERTS", T, 1, Set.of(PUTIN), "putin", "want", "see", "peopl", "stop", "die");
    final Claim zelensky = claim(14, TRUMP, "trump", "ASSERTS", T, 1, Set.of(ZELENSKY), "like", "meet", "ukrainian", "presid", "volodymyr", "zelenski", "next", "week");
    final Claim ncnd = claim(8, PESKOV, "dmitry peskov", "NEITHER_CONFIRMS_NOR_DENIES", T, 1, Set.of(), "neither", "confirm", "deni", "talk");
    final Claim noResponse = claim(7, WHITE_HOUSE, "white house", "NO_RESPONSE", T, 1, Set.of(REUTERS), "reuter", "request", "made", "hour", "comment");
    final Claim denied = claim(11, PESKOV, "dmitry peskov", "DENIES", T, 1, Set.of(), "report", "phone", "convers", "two", "leader");
    final Claim ready = claim(12, PESKOV, "dmitry peskov", "ASSERTS", T, 1, Set.of(PUTIN, TRUMP), "putin", "readi", "telephon", "communic", "trump");

    @Test
    void theSeedCallIsAnsweredByTheKremlinsNonAnswerAndTheWhiteHousesSilence() {
        List<Exchanges.Exchange> found = Exchanges.find(List.of(call, dying, zelensky),
                List.of(ncnd, noResponse, denied, ready), WEEK, 8);
        assertThat(found).hasSize(1);
        Exchanges.Exchange e = found.get(0);
        assertThat(e.anchors()).containsExactly(call);
        assertThat(e.answers()).containsExactlyInAnyOrder(ncnd, noResponse, denied);
        assertThat(e.words()).contains("phone", "putin").doesNotContain("trump", "confirm", "deni", "report");
    }

    @Test
    void sameStanceSameSpeakerAndDistantClaimsAreNoAnswer() {
        Claim sameSpeaker = claim(20, TRUMP, "trump", "DENIES", T, 1, Set.of(PUTIN), "phone", "convers", "putin");
        Claim sameStance = claim(21, PESKOV, "dmitry peskov", "ASSERTS", T, 2, Set.of(PUTIN), "phone", "convers", "putin");
        Claim monthLater = claim(22, PESKOV, "dmitry peskov", "DENIES", T.plus(Duration.ofDays(30)), 3, Set.of(PUTIN), "phone", "convers", "putin");
        Claim otherMatter = claim(23, PESKOV, "dmitry peskov", "DENIES", T, 4, Set.of(ZELENSKY), "troop", "withdraw");
        assertThat(Exchanges.find(List.of(call), List.of(sameSpeaker, sameStance, monthLater, otherMatter), WEEK, 8)).isEmpty();
    }

    @Test
    void anotherStoryAnswersThroughAnEntityAndAWordInCommon() {
        Claim kremlin = claim(30, PESKOV, "dmitry peskov", "DENIES", T.plus(Duration.ofDays(1)), 9, Set.of(TRUMP, PUTIN), "convers", "took", "place");
        List<Exchanges.Exchange> found = Exchanges.find(List.of(call), List.of(kremlin), WEEK, 8);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).about()).containsExactlyInAnyOrder(PUTIN, TRUMP);
        // one word alone is not enough without an entity in common
        Claim wordOnly = claim(31, PESKOV, "dmitry peskov", "DENIES", T, 9, Set.of(), "convers", "took", "place");
        assertThat(Exchanges.find(List.of(call), List.of(wordOnly), WEEK, 8)).isEmpty();
    }

    @Test
    void speakersNamesAndReportingWordsAreNoEvidence() {
        // both mention Peskov's name and the word "said": nothing else in common
        Claim a = claim(40, TRUMP, "trump", "ASSERTS", T, 1, Set.of(), "said", "dmitri", "peskov", "wrong");
        Claim b = claim(41, PESKOV, "dmitri peskov", "DENIES", T, 2, Set.of(), "said", "trump", "right");
        assertThat(Exchanges.find(List.of(a), List.of(b), WEEK, 8)).isEmpty();
    }

    @Test
    void anchorsWithTheSameAnswersMakeOneExchange() {
        Claim call2 = claim(5, TRUMP, "trump", "ASSERTS", T, 1, Set.of(PUTIN), "spoke", "phone", "convers", "putin");
        List<Exchanges.Exchange> found = Exchanges.find(List.of(call, call2), List.of(denied), WEEK, 8);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).anchors()).containsExactly(call, call2);
    }
}
