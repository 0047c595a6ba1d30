package org.claimwire.query.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.claimwire.query.analysis.Exchanges.Claim;
import org.junit.jupiter.api.Test;

/** The indexed finder returns exactly what the pair-by-pair oracle returns, on random claim sets. */
class ExchangesEquivalenceTest {
    static final String[] STANCES = {"ASSERTS", "DENIES", "NEITHER_CONFIRMS_NOR_DENIES", "DECLINES_TO_COMMENT", "NO_RESPONSE",
            "UNCLASSIFIED"};
    /** A small vocabulary, so that claims share words often; a few reporting words and one-letter words among them. */
    static final String[] WORDS = {"phone", "call", "putin", "trump", "oil", "price", "bank", "rate", "troop", "border",
            "said", "confirm", "comment", "x", "peskov", "white", "hous", "deal", "tariff", "talk"};
    static final Instant T = Instant.parse("2025-02-10T09:00:00Z");

    @Test
    void indexedAndPairwiseFindersAgree() {
        Random r = new Random(19);
        int nonEmpty = 0;
        for (int round = 0; round < 400; round++) {
            List<Claim> anchors = new ArrayList<>();
            List<Claim> candidates = new ArrayList<>();
            long speaker = 1;
            int na = 1 + r.nextInt(12);
            int nc = r.nextInt(40);
            for (int i = 0; i < na; i++) {
                anchors.add(claim(r, i + 1, speaker));
            }
            for (int i = 0; i < nc; i++) {
                // some candidates are the anchors themselves or by the same speaker
                candidates.add(r.nextInt(10) == 0 && i < na ? anchors.get(i) : claim(r, 1000 + i, r.nextInt(4) == 0 ? speaker : 2 + r.nextInt(6)));
            }
            Duration window = Duration.ofDays(1 + r.nextInt(7));
            int maxAnswers = 1 + r.nextInt(8);
            List<Exchanges.Exchange> expected = PairwiseExchanges.find(anchors, candidates, window, maxAnswers);
            assertThat(Exchanges.find(anchors, candidates, window, maxAnswers)).as("round %d", round).isEqualTo(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("rounds with exchanges").isGreaterThan(100);
    }

    static Claim claim(Random r, long id, long speaker) {
        String stance = STANCES[r.nextInt(STANCES.length)];
        Instant at = r.nextInt(20) == 0 ? null : T.plusSeconds(r.nextInt(14 * 24 * 3600) - 7 * 24 * 3600L).plusNanos(r.nextInt(1000) * 1000L);
        Set<Long> about = new HashSet<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            about.add((long) 1 + r.nextInt(8));
        }
        boolean unresolved = r.nextInt(8) == 0;
        String name = r.nextInt(10) == 0 ? null : "speaker " + speaker;
        return new Claim(id, unresolved ? null : speaker, name, stance, at, 1 + r.nextInt(5), about, words(r, 1 + r.nextInt(6)),
                r.nextBoolean() ? words(r, r.nextInt(5)) : Set.of(), r.nextBoolean() ? Set.of("peskov", "white") : Set.of());
    }

    static Set<String> words(Random r, int n) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < n; i++) {
            out.add(WORDS[r.nextInt(WORDS.length)]);
        }
        return out;
    }
}
