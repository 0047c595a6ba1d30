package org.claimwire.query.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.claimwire.query.TestSchema;
import org.claimwire.query.ask.AskAnswer;
import org.claimwire.query.ask.AskService;
import org.claimwire.query.ask.StoredClaim;
import org.claimwire.query.ask.StoredEntity;
import org.claimwire.query.ask.TitleEvidence;
import org.claimwire.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The SQL of {@link JdbcClaimIndex} runs against the real schema (Flyway-migrated, empty): no Quarkus needed. */
class JdbcClaimIndexTest {
    private static JdbcClaimIndex index;

    @BeforeAll
    static void schema() {
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.shared();
        PGSimpleDataSource ds = TestSchema.migrated(pg.jdbcUrl());
        index = new JdbcClaimIndex(ds);
        dataSource = ds;
    }

    private static PGSimpleDataSource dataSource;

    @Test
    void readsRowsItFinds() throws Exception {
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("""
                    INSERT INTO query.entities (id, canonical_name, name_norm, type, surname, mention_count, claims_by_count)
                        VALUES (900001, 'Dmitry Peskov', 'dmitry peskov', 'PERSON', 'peskov', 3, 1000000);
                    INSERT INTO query.entity_aliases (entity_id, kind, name, name_norm, reason)
                        VALUES (900001, 'TITLE', 'Kremlin spokesman', 'kremlin spokesman', 'test');
                    INSERT INTO query.stories (id, uri, current_version, visible) VALUES (900001, 'urn:t:pg', 1, true);
                    INSERT INTO query.story_versions (id, story_id, version, pub_status, is_current, visible, headline, body,
                        version_created) VALUES (900001, 900001, 1, 'usable', true, true, 'H',
                        'Kremlin spokesman Dmitry Peskov said today that he can not confirm it.', '2025-02-10T00:00:00Z');
                    INSERT INTO query.story_entities (story_version_id, local_id, entity_id, name, type, mention_count,
                        resolution, visible) VALUES (900001, 'e1', 900001, 'Dmitry Peskov', 'PERSON', 1, 'new', true);
                    INSERT INTO query.mentions (story_version_id, entity_id, start_offset, end_offset, text)
                        VALUES (900001, 900001, 0, 31, 'Kremlin spokesman Dmitry Peskov');
                    INSERT INTO query.claims (id, story_version_id, story_id, speaker_entity_id, speaker_text, speaker_start,
                        speaker_end, cue_text, cue_start, cue_end, content, content_start, content_end, mode, stance,
                        said_at, check_worthiness, confidence, visible) VALUES (900001, 900001, 900001, 900001,
                        'Kremlin spokesman Dmitry Peskov', 0, 31, 'said', 32, 36, 'he can not confirm it', 48, 69,
                        'INDIRECT', 'NEITHER_CONFIRMS_NOR_DENIES', '2025-02-10T00:00:00Z', 0.7, 0.9, true);
                    INSERT INTO query.claim_about (claim_id, entity_id) VALUES (900001, 900001);
                    """);
        }
        assertThat(index.entitiesByPhrase(List.of("peskov", "kremlin spokesman")).keySet())
                .containsExactlyInAnyOrder("peskov", "kremlin spokesman");
        StoredClaim c = index.claimsInvolving(List.of(900001L), 5).get(0);
        assertThat(c.connector()).isEqualTo(" said today that ");
        assertThat(c.aboutIds()).containsExactly(900001L);
        assertThat(index.claimsMatching(List.of("confirm"), List.of(900001L), List.of("peskov"), 5)).hasSize(1);
        assertThat(index.claimsOfStories(List.of(900001L), 5)).hasSize(1);
        List<TitleEvidence> ev = index.titleEvidence(900001L, "Kremlin spokesman", 2);
        assertThat(ev).hasSize(1);
        assertThat(ev.get(0).claim().id()).isEqualTo(900001L);
        assertThat(ev.get(0).text()).startsWith("Kremlin spokesman Dmitry Peskov said");
        // the database is shared with other tests, whose speakers may be stored too: this one is given the most
        // claims (the counter the store keeps), so it ranks first whatever else is there
        assertThat(index.prominentSpeakers(3)).extracting(StoredEntity::name).first().isEqualTo("Dmitry Peskov");
        AskAnswer a = new AskService(index).ask("Who is the Kremlin spokesman?");
        assertThat(a.answered()).isTrue();
        assertThat(a.answer()).startsWith("Dmitry Peskov is described as “Kremlin spokesman” [1].");
    }

    @Test
    void everyQueryRunsOnTheSchema() {
        assertThat(index.entitiesByPhrase(List.of("nobody stored"))).isEmpty();
        assertThat(index.claimsInvolving(List.of(1L, 2L), 10)).isEmpty();
        assertThat(index.claimsMatching(List.of("speak", "spoke"), List.of(1L), List.of("trump"), 10)).isEmpty();
        assertThat(index.claimsMatching(List.of("speak"), List.of(), List.of(), 10)).isEmpty();
        assertThat(index.claimsOfStories(Set.of(1L), 10)).isEmpty();
        assertThat(index.titleEvidence(1L, "Kremlin spokesman", 2)).isEmpty();
        assertThat(index.entity(1L)).isNull();
        assertThat(new AskService(index).ask("Did Macron and Xi speak by phone?").answered()).isFalse();
    }
}
