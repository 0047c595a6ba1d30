package org.claimwire.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.claimwire.query.text.Names;
import org.junit.jupiter.api.Test;

class NameIndexTest {

    private static NameIndex index() {
        NameIndex ix = new NameIndex();
        ix.putEntity(new NameIndex.Entity(1, "Dmitry Peskov", "PERSON", 50, 20));
        ix.putEntity(new NameIndex.Entity(2, "Peskova Street", "LOCATION", 500, 200));
        ix.putEntity(new NameIndex.Entity(3, "Anna Peskov", "PERSON", 10, 5));
        ix.putEntity(new NameIndex.Entity(4, "Peskov", "PERSON", 5, 5));
        ix.putEntity(new NameIndex.Entity(5, "TASS", "ORGANIZATION", 80, 40));
        ix.putEntity(new NameIndex.Entity(6, "Volodymyr Zelensky", "PERSON", 300, 100));
        ix.addAliases(List.of(
                alias(11, 1, "Dmitry Peskov"), alias(12, 1, "Kremlin spokesman"), alias(13, 1, "Peskov"),
                alias(21, 2, "Peskova Street"), alias(31, 3, "Anna Peskov"), alias(41, 4, "Peskov"),
                alias(51, 5, "TASS"), alias(52, 5, "TASS news agency"), alias(61, 6, "Volodymyr Zelensky")));
        return ix;
    }

    private static NameIndex.Alias alias(long id, long entity, String name) {
        return new NameIndex.Alias(id, entity, Names.normalise(name));
    }

    private static List<Long> ids(List<NameIndex.Entity> es) {
        return es.stream().map(NameIndex.Entity::id).toList();
    }

    @Test
    void exactBeforePrefixBeforeFuzzyThenByMentions() {
        // exact "peskov": 1 (50 mentions) and 4 (5); word prefix: 3 (Anna Peskov is not an exact alias), 2 (prefix
        // "peskova street", 500 mentions) - ranked by mentions within the tier
        assertThat(ids(index().search("peskov", null, 0, 20))).containsExactly(1L, 4L, 2L, 3L);
    }

    @Test
    void prefixOfTheNameOrOfAnyWordAndTitles() {
        assertThat(ids(index().search("pesk", null, 0, 20))).containsExactly(2L, 1L, 3L, 4L);
        assertThat(ids(index().search("spokes", null, 0, 20))).containsExactly(1L);
        assertThat(ids(index().search("news ag", null, 0, 20))).containsExactly(5L);
        assertThat(ids(index().search("kremlin spokesman", null, 0, 20))).containsExactly(1L);
        // inside a word is not a prefix (only a fuzzy match): the prefix match comes first
        NameIndex ix = index();
        ix.putEntity(new NameIndex.Entity(9, "Eskovo", "LOCATION", 1, 1));
        ix.addAliases(List.of(alias(91, 9, "Eskovo")));
        assertThat(ids(ix.search("eskov", null, 0, 20))).startsWith(9L).contains(1L, 3L, 4L);
    }

    @Test
    void fuzzyFindsTyposAfterPrefixMatches() {
        // all fuzzy ("peskova street" too, as in pg_trgm), by mentions
        assertThat(ids(index().search("peskof", null, 0, 20))).containsExactly(2L, 1L, 3L, 4L);
        assertThat(ids(index().search("zelenskiy", null, 0, 20))).containsExactly(6L);
        assertThat(ids(index().search("dmitri peskov", null, 0, 20))).containsExactly(1L);
        assertThat(index().search("xyzzy", null, 0, 20)).isEmpty();
        // a prefix match outranks a fuzzy one even with fewer mentions
        NameIndex ix = index();
        ix.putEntity(new NameIndex.Entity(7, "Peskof Holdings", "ORGANIZATION", 1, 1));
        ix.addAliases(List.of(alias(71, 7, "Peskof Holdings")));
        assertThat(ids(ix.search("peskof", null, 0, 20))).containsExactly(7L, 2L, 1L, 3L, 4L);
    }

    @Test
    void wordSimilarityIsPgTrgms() {
        // values pg_trgm gives: word_similarity('word', 'two words') = 0.8, ('peskof', 'dmitry peskov') = 5/7
        assertThat(NameIndex.wordSimilarity("word", "two words")).isEqualTo(0.8);
        assertThat(NameIndex.wordSimilarity("peskof", "dmitry peskov")).isEqualTo(5.0 / 7);
        assertThat(NameIndex.wordSimilarity("abc", "xyz")).isZero();
    }

    @Test
    void typeFilter() {
        assertThat(ids(index().search("pesk", "PERSON", 0, 20))).containsExactly(1L, 3L, 4L);
        assertThat(ids(index().search("tass", "PERSON", 0, 20))).isEmpty();
        assertThat(ids(index().search("tass", "ORGANIZATION", 0, 20))).containsExactly(5L);
    }

    @Test
    void pagesReturnOneExtraRowAndContinueAtTheOffset() {
        NameIndex ix = index();
        assertThat(ids(ix.search("pesk", null, 0, 2))).containsExactly(2L, 1L, 3L);
        assertThat(ids(ix.search("pesk", null, 2, 2))).containsExactly(3L, 4L);
        assertThat(ix.search("pesk", null, 4, 2)).isEmpty();
        assertThat(ix.search("pesk", null, 99, 2)).isEmpty();
    }

    @Test
    void addedAliasesAndChangedCountsAreSeenAtOnceAndDuplicatesIgnored() {
        NameIndex ix = index();
        ix.putEntity(new NameIndex.Entity(8, "Maria Zakharova", "PERSON", 3, 1));
        ix.addAliases(List.of(alias(81, 8, "Maria Zakharova"), alias(81, 8, "Maria Zakharova"), alias(13, 1, "Peskov")));
        assertThat(ids(ix.search("zakh", null, 0, 20))).containsExactly(8L);
        assertThat(ix.aliasCount()).isEqualTo(10);
        assertThat(ix.maxAliasId()).isEqualTo(81);
        // counts change: Anna Peskov becomes the most mentioned
        ix.putEntity(new NameIndex.Entity(3, "Anna Peskov", "PERSON", 1000, 300));
        assertThat(ids(ix.search("pesk", null, 0, 20))).containsExactly(3L, 2L, 1L, 4L);
        // a renamed entity (surname-only upgraded to a full name) answers with its new name
        ix.putEntity(new NameIndex.Entity(4, "Ivan Peskov", "PERSON", 5, 5));
        assertThat(ix.search("peskov", null, 0, 20)).extracting(NameIndex.Entity::name).contains("Ivan Peskov");
    }

    @Test
    void manyAdditionsFoldIntoTheSnapshotWithoutLosingAnything() {
        NameIndex ix = new NameIndex();
        List<NameIndex.Alias> batch = new ArrayList<>();
        int n = NameIndex.DELTA_LIMIT * 2 + 10;
        for (int i = 1; i <= n; i++) {
            ix.putEntity(new NameIndex.Entity(i, "Person" + i + " Smith", "PERSON", i, 1));
            batch.add(alias(i, i, "Person" + i + " Smith"));
            if (batch.size() == 100) {
                ix.addAliases(batch);
                batch.clear();
            }
        }
        ix.addAliases(batch);
        assertThat(ix.aliasCount()).isEqualTo(n);
        assertThat(ix.search("smith", null, 0, n)).hasSize(n);
        assertThat(ids(ix.search("smith", null, 0, 1))).containsExactly((long) n, (long) n - 1);
        assertThat(ids(ix.search("person17 smith", null, 0, 5))).first().isEqualTo(17L);
    }
}
