package org.claimwire.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.claimwire.ingest.normalise.ContentHash;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
    static final String STORY = "Kremlin spokesman Dmitry Peskov said today that he can neither confirm nor deny a US "
            + "newspaper report that there was a telephone conversation between the US president Donald Trump and "
            + "his Russian counterpart Vladimir Putin. Washington and Moscow have not officially confirmed any "
            + "communication between the two leaders since Trump took office, who has promised to quickly end the "
            + "war in Ukraine. The New York Post reported in a story late last Saturday night that Trump told the "
            + "newspaper that he had a phone conversation with his Russian counterpart.";

    static Deduplicator.Candidate cand(String uri, String headline, String body, Instant vc, boolean given, String status) {
        return new Deduplicator.Candidate(uri, vc, given, ContentHash.of(headline, body), status, MinHasher.signature(body));
    }

    final Instant t0 = Instant.parse("2025-02-10T10:00:00Z");

    @Test
    void acceptsThenDuplicateThenUpdateThenStaleThenKill() {
        Deduplicator d = new Deduplicator(0.6);
        assertThat(d.decide(cand("u1", "H", STORY, t0, true, "usable")).outcome()).isEqualTo(Outcome.ACCEPTED);
        Deduplicator.Decision dup = d.decide(cand("u1", "H", STORY + " ", t0.plusSeconds(5), true, "usable"));
        assertThat(dup.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(dup.version()).isEqualTo(1);
        Deduplicator.Decision up = d.decide(cand("u1", "H", STORY + " Updated.", t0.plusSeconds(60), true, "usable"));
        assertThat(up.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(up.version()).isEqualTo(2);
        Deduplicator.Decision stale = d.decide(cand("u1", "H", STORY + " Old.", t0.plusSeconds(30), true, "usable"));
        assertThat(stale.outcome()).isEqualTo(Outcome.STALE);
        assertThat(stale.publishes()).isFalse();
        Deduplicator.Decision kill = d.decide(cand("u1", "H", STORY + " Updated.", t0.plusSeconds(90), true, "canceled"));
        assertThat(kill.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(kill.version()).isEqualTo(3);
    }

    @Test
    void sameContentFromAnotherFeedIsDuplicateOfFirst() {
        Deduplicator d = new Deduplicator(0.6);
        d.decide(cand("a", "H", STORY, t0, true, "usable"));
        Deduplicator.Decision dup = d.decide(cand("b", "h", STORY.replace("today", "today "), t0, true, "usable"));
        assertThat(dup.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(dup.duplicateOf()).isEqualTo("a");
    }

    @Test
    void syndicatedCopyIsNearDuplicateOfTheFirstCopy() {
        Deduplicator d = new Deduplicator(0.6);
        d.decide(cand("ap-1", "Kremlin neither confirms nor denies", STORY, t0, true, "usable"));
        String edited = "MOSCOW (Outlet B) - " + STORY.replace("late last Saturday night", "on Saturday")
                + " Reporting by Staff.";
        Deduplicator.Decision near = d.decide(cand("outlet-b-77", "Peskov: can't confirm call", edited, t0, true, "usable"));
        assertThat(near.outcome()).isEqualTo(Outcome.NEAR_DUPLICATE);
        assertThat(near.duplicateOf()).isEqualTo("ap-1");
        assertThat(near.similarity()).isGreaterThan(0.6);
        String third = STORY.replace("Kremlin spokesman", "The Kremlin's spokesman") + " More to follow.";
        Deduplicator.Decision c = d.decide(cand("outlet-c", "x", third, t0, true, "usable"));
        assertThat(c.duplicateOf()).isEqualTo("ap-1");
        Deduplicator.Decision other = d.decide(cand("other", "Markets", "Shares in Tokyo rose on Tuesday as exporters "
                + "gained on a weaker yen while investors awaited data on factory output due later in the week from the "
                + "central bank and the finance ministry in a quiet session.", t0, true, "usable"));
        assertThat(other.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void rollbackForgetsAFailedPublish() {
        Deduplicator d = new Deduplicator(0.6);
        Deduplicator.Decision a = d.decide(cand("u", "H", STORY, t0, true, "usable"));
        d.rollback(a);
        assertThat(d.decide(cand("u", "H", STORY, t0, true, "usable")).outcome()).isEqualTo(Outcome.ACCEPTED);
        Deduplicator.Decision up = d.decide(cand("u", "H", STORY + " more.", t0.plusSeconds(1), true, "usable"));
        d.rollback(up);
        Deduplicator.Decision again = d.decide(cand("u", "H", STORY + " more.", t0.plusSeconds(1), true, "usable"));
        assertThat(again.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(again.version()).isEqualTo(2);
    }

    @Test
    void aDuplicateOfACopyInFlightWaitsForItsPublish() {
        Deduplicator d = new Deduplicator(0.6);
        Deduplicator.Decision first = d.decide(cand("a", "H", STORY, t0, true, "usable"));
        assertThat(first.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(d.pending()).isEqualTo(1);
        // same uri and same content from another feed, while the first copy is still being published
        Deduplicator.Decision sameUri = d.decide(cand("a", "H", STORY, t0, true, "usable"));
        Deduplicator.Decision sameHash = d.decide(cand("b", "H", STORY, t0, true, "usable"));
        assertThat(sameUri.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(sameHash.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(sameUri.dependsOn()).isSameAs(first.settled()).isNotDone();
        assertThat(sameHash.dependsOn()).isSameAs(first.settled());
        // the publish failed: the answers resting on it are void, and deciding again publishes
        d.rollback(first);
        assertThat(first.settled()).isCompletedWithValue(false);
        assertThat(d.pending()).isZero();
        Deduplicator.Decision retry = d.decide(cand("a", "H", STORY, t0, true, "usable"));
        assertThat(retry.outcome()).isEqualTo(Outcome.ACCEPTED);
        d.confirm(retry);
        assertThat(retry.settled()).isCompletedWithValue(true);
        // once confirmed, duplicates rest on nothing in flight
        Deduplicator.Decision later = d.decide(cand("b", "H", STORY, t0, true, "usable"));
        assertThat(later.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(later.dependsOn()).isNull();
    }

    @Test
    void lshLookupStaysFlatAsTheIndexGrows() {
        LshIndex idx = new LshIndex(0.6);
        Random rnd = new Random(42);
        List<int[]> probes = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            int[] sig = randomDoc(rnd);
            idx.add(sig, "u" + i);
            if (i % 10_000 == 0) {
                probes.add(sig);
            }
        }
        for (int[] p : probes) {
            assertThat(idx.candidates(p)).isLessThan(40); // itself in 16 bands + a few collisions
        }
        int[] q = randomDoc(rnd);
        assertThat(idx.query(q, null)).isNull();
    }

    private static int[] randomDoc(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < 60; w++) {
            sb.append("w").append(rnd.nextInt(50_000)).append(' ');
        }
        return MinHasher.signature(sb.toString());
    }
}
