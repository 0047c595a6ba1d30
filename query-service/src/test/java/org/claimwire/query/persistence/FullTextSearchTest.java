package org.claimwire.query.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.claimwire.query.search.Lemmas;

import org.junit.jupiter.api.Test;

class FullTextSearchTest {

    @Test
    void ranksOnlyABoundedCandidateSetIndependentOfThePage() {
        SqlQuery first = FullTextSearch.toSql("said", 0, 20, FullTextSearch.DEFAULT_CANDIDATES);
        SqlQuery deep = FullTextSearch.toSql("said", 380, 20, FullTextSearch.DEFAULT_CANDIDATES);
        for (SqlQuery sq : new SqlQuery[] {first, deep}) {
            assertThat(sq.sql()).contains("query.fts_story_candidates(q.tq, ?)", "query.fts_claim_candidates(q.tq, ?)")
                    .doesNotContain("v.tsv @@").doesNotContain("c.tsv @@")
                    .contains("JOIN query.story_search v ON v.id = k.id", "JOIN query.claim_search c ON c.id = k.id"); // narrow tables (V6, V7)
            assertThat(sq.sql().chars().filter(ch -> ch == '?').count()).isEqualTo(sq.params().size());
            // the candidate counts (params 4 and 6) are the same for every page: offset cursors stay consistent
            assertThat(sq.params().get(3)).isEqualTo(FullTextSearch.DEFAULT_CANDIDATES);
            assertThat(sq.params().get(5)).isEqualTo(FullTextSearch.DEFAULT_CANDIDATES);
        }
        assertThat(first.params().get(4)).isEqualTo(21);
        assertThat(deep.params().get(4)).isEqualTo(FullTextSearch.DEFAULT_CANDIDATES);
        assertThat(deep.params().subList(7, 9)).containsExactly(21, 380);
    }

    @Test
    void snippetsReadABoundedExcerptAndKeepLemmaAwareQueries() {
        SqlQuery sq = FullTextSearch.toSql("spoken Putin", 0, 10, FullTextSearch.DEFAULT_CANDIDATES);
        assertThat(sq.sql()).contains("left(c.content, ?)", "left(coalesce(v.body, ''), ?)", "querytree(q.hq) AS lexemes")
                .doesNotContain("ts_headline"); // snippets are built in the JVM (Snippets)
        assertThat(sq.params().subList(9, 11)).containsExactly(FullTextSearch.EXCERPT, FullTextSearch.EXCERPT);
        assertThat(sq.params().get(0)).isEqualTo(Lemmas.rewrite("spoken Putin"));
        assertThat(sq.params().get(2)).isEqualTo(Lemmas.originalForms("spoken Putin"));
    }

    @Test
    void theCandidateCountIsConfigurableWithinBounds() {
        SqlQuery sq = FullTextSearch.toSql("said", 0, 20, 50);
        assertThat(sq.params().get(3)).isEqualTo(50);
        assertThat(sq.params().get(5)).isEqualTo(50);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FullTextSearch.toSql("said", 0, 20, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claimwire.query.search.candidates");
    }
}
