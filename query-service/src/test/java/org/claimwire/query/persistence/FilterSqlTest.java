package org.claimwire.query.persistence;

import org.claimwire.query.search.ClaimFilter;
import org.claimwire.query.search.Cursor;
import org.claimwire.query.search.EntityArg;
import org.claimwire.query.search.Times;
import org.claimwire.query.search.StoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterSqlTest {
    @Test
    void claimFilterAddsOneClauseAndParameterPerFilter() {
        Instant from = Instant.parse("2025-02-01T00:00:00Z");
        ClaimFilter f = new ClaimFilter(List.of(1L), List.of(2L, 3L), "DENIES", null, List.of(), "TASS", "talks", from, null, null);
        SqlQuery q = FilterSql.claims(f, Cursor.of(ClaimFilter.CURSOR_KIND, Instant.parse("2025-02-10T00:00:00Z"), 99), 20);
        assertThat(q.sql()).contains("c.visible", "c.speaker_entity_id = ?", "a.entity_id = ANY(?)", "c.stance = ?",
                "c.recipient_text ILIKE ?", "websearch_to_tsquery('english', ?)", "c.said_at >= ?", "(c.said_at, c.id) < (?, ?)")
                .doesNotContain("c.mode = ?", "c.said_at < ?");
        assertThat(q.params()).hasSize(10);
        assertThat(q.params().get(0)).isEqualTo(1L);
        assertThat(q.params().get(1)).isInstanceOf(Long[].class);
        assertThat(q.params()).contains("DENIES", "%TASS%", "talks", from, 99L, 21);
        assertThat(q.sql().chars().filter(ch -> ch == '?').count()).isEqualTo(q.params().size());
    }

    @Test
    void oneEntityIdIsAnEqualityManyAnArray() {
        SqlQuery one = FilterSql.claims(new ClaimFilter(List.of(7L), List.of(8L), null, null, List.of(9L), null, null, null, null, null), null, 20);
        assertThat(one.sql()).contains("c.speaker_entity_id = ?", "a.entity_id = ?", "c.recipient_entity_id = ?").doesNotContain("ANY");
        assertThat(one.params()).containsExactly(7L, 8L, 9L, 21);
        SqlQuery many = FilterSql.claims(new ClaimFilter(List.of(7L, 70L), null, null, null, List.of(), null, null, null, null, null), null, 20);
        assertThat(many.sql()).contains("c.speaker_entity_id = ANY(?)", "c.recipient_entity_id = ANY(?)");
    }

    @Test
    void oneAboutEntityWalksClaimAboutInTimeOrder() {
        Instant cur = Instant.parse("2025-02-10T00:00:00Z");
        SqlQuery q = FilterSql.claims(new ClaimFilter(null, List.of(8L), "DENIES", null, null, null, null, null, null, null), Cursor.of(ClaimFilter.CURSOR_KIND, cur, 99), 20);
        assertThat(q.sql()).contains("FROM query.claim_about a JOIN query.claims c ON c.id = a.claim_id", "a.entity_id = ?",
                "a.visible", "(a.said_at, a.claim_id) < (?, ?)", "ORDER BY a.said_at DESC, a.claim_id DESC LIMIT ?")
                .doesNotContain("EXISTS");
        assertThat(q.params()).containsExactly(8L, "DENIES", cur, 99L, 21);
        // with a speaker as well, the planner chooses: the about filter is a semi-join
        SqlQuery both = FilterSql.claims(new ClaimFilter(List.of(7L), List.of(8L), null, null, null, null, null, null, null, null), null, 20);
        assertThat(both.sql()).contains("EXISTS (SELECT 1 FROM query.claim_about a WHERE a.claim_id = c.id AND a.entity_id = ?)")
                .doesNotContain("a.said_at");
    }

    @Test
    void storyFilterWithoutFiltersServesVisibleNewestFirst() {
        SqlQuery q = FilterSql.stories(new StoryFilter(null, null, null, null, null, null), null, 5);
        assertThat(q.sql()).contains("WHERE v.visible", "ORDER BY v.version_created DESC, v.id DESC LIMIT ?");
        assertThat(q.params()).containsExactly(6);
    }

    @Test
    void likePatternsAreEscaped() {
        assertThat(FilterSql.likeEscape("50%_a\\")).isEqualTo("50\\%\\_a\\\\");
        SqlQuery q = EntitySearch.toSql("pes", "PERSON", 20, 10);
        assertThat(q.params()).containsExactly("pes", "pes%", "% pes%", "pes%", "% pes%", "pes", "PERSON", 11, 20);
    }

    @Test
    void entityArgsAreIdsOrNames() {
        assertThat(EntityArg.parse("42").id()).isEqualTo(42L);
        assertThat(EntityArg.parse(" Peskov ").name()).isEqualTo("Peskov");
        assertThat(EntityArg.parse("")).isNull();
    }

    @Test
    void timesParseLeniently() {
        assertThat(Times.parseLenient("2025-02-10")).isEqualTo(Instant.parse("2025-02-10T00:00:00Z"));
        assertThat(Times.parseLenient("2025-02")).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
        assertThat(Times.parseLenient("2025-02-10T10:00:00+02:00")).isEqualTo(Instant.parse("2025-02-10T08:00:00Z"));
        assertThat(Times.parseLenient("today")).isNull();
        Instant story = Instant.parse("2025-02-10T09:00:00Z");
        assertThat(Times.saidAt("late January", story)).isEqualTo(story);
    }
}
