package org.claimwire.nlp.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.claimwire.events.Enrichment.Claim;
import org.claimwire.events.Enrichment.Stance;
import org.claimwire.nlp.doc.Conllu;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.entities.EntityExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A negated "say / comment / go into" in a content makes the claim a refusal to comment only when it is the
 * speaker's own (parsed fixtures of hand-written sentences, silence-sentences.txt; no CoreNLP).
 */
class SilenceRulesTest {
    private static List<ParsedDoc> docs;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SilenceRulesTest.class.getResourceAsStream("silence-sentences.conllu")) {
            docs = Conllu.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The stance of the claim whose cue is {@code cue}, in the passage that starts with {@code prefix}. */
    private static Stance stanceOf(String prefix, String cue) {
        ParsedDoc doc = docs.stream().filter(d -> d.text().startsWith(prefix)).findFirst().orElseThrow();
        List<Claim> claims = new ClaimExtractor(CueLexicon.standard())
                .extract(doc, new EntityExtractor().extract(doc), LocalDate.of(2025, 3, 1));
        return claims.stream().filter(c -> c.cue() != null && c.cue().text().equals(cue)).findFirst()
                .orElseThrow(() -> new AssertionError("no claim with cue " + cue + " in: " + prefix)).stance();
    }

    @Test
    void notGoingToDoSomethingIsAnAssertionNotARefusal() {
        assertThat(stanceOf("\"We are not going to balance", "told")).isEqualTo(Stance.ASSERTS);
    }

    @Test
    void aRefusalReportedInsideTheContentBelongsToTheNestedClaim() {
        assertThat(stanceOf("The regulator said", "said")).isEqualTo(Stance.ASSERTS);
        assertThat(stanceOf("The regulator said", "told")).isEqualTo(Stance.DECLINES_TO_COMMENT);
    }

    @Test
    void aRefusalInARelativeClauseDoesNotMakeThePraiseARefusal() {
        assertThat(stanceOf("The mayor praised", "praised")).isEqualTo(Stance.ASSERTS);
    }

    @Test
    void theSpeakersOwnRefusalsStayRefusals() {
        assertThat(stanceOf("The airline said", "said")).isEqualTo(Stance.DECLINES_TO_COMMENT);
        assertThat(stanceOf("The finance minister said", "said")).isEqualTo(Stance.DECLINES_TO_COMMENT);
        assertThat(stanceOf("\"I decline to comment", "said")).isEqualTo(Stance.DECLINES_TO_COMMENT);
    }
}
