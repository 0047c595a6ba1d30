package org.claimwire.query.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketsTest {
    static final List<String> STANCES = List.of("ASSERTS", "DENIES", "UNCLASSIFIED");

    @Test
    void weeksStartOnMondayMonthsOnTheFirst() {
        Instant sunday = Instant.parse("2025-02-16T23:00:00Z");
        assertThat(Buckets.WEEK.start(sunday)).isEqualTo(Instant.parse("2025-02-10T00:00:00Z"));
        assertThat(Buckets.MONTH.start(sunday)).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
        assertThat(Buckets.DAY.start(sunday)).isEqualTo(Instant.parse("2025-02-16T00:00:00Z"));
        assertThat(Buckets.MONTH.next(Instant.parse("2025-01-01T00:00:00Z"))).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
    }

    @Test
    void everyBucketBetweenFirstAndLastWithEveryStance() {
        List<Buckets.Point> s = Buckets.WEEK.series(List.of(
                new Buckets.Count(Instant.parse("2025-02-10T00:00:00Z"), "ASSERTS", 3),
                new Buckets.Count(Instant.parse("2025-02-10T00:00:00Z"), null, 1),
                new Buckets.Count(Instant.parse("2025-02-24T00:00:00Z"), "DENIES", 2)), STANCES);
        assertThat(s).extracting(Buckets.Point::start).containsExactly(Instant.parse("2025-02-10T00:00:00Z"),
                Instant.parse("2025-02-17T00:00:00Z"), Instant.parse("2025-02-24T00:00:00Z"));
        assertThat(s.get(0).counts()).containsEntry("ASSERTS", 3L).containsEntry("DENIES", 0L).containsEntry("UNCLASSIFIED", 1L);
        assertThat(s.get(1).counts().values()).containsOnly(0L);
        assertThat(s.get(2).counts()).containsEntry("DENIES", 2L);
        assertThat(Buckets.DAY.series(List.of(), STANCES)).isEmpty();
    }

    @Test
    void aVeryLongSpanListsOnlyBucketsWithClaims() {
        List<Buckets.Point> s = Buckets.DAY.series(List.of(
                new Buckets.Count(Instant.parse("2000-01-01T00:00:00Z"), "ASSERTS", 1),
                new Buckets.Count(Instant.parse("2025-01-01T00:00:00Z"), "ASSERTS", 1)), STANCES);
        assertThat(s).hasSize(2);
    }
}
