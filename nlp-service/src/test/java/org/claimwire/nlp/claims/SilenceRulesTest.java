package org.claimwire.nlp.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.claimwire.events.Enrichment.Stance;
import org.junit.jupiter.api.Test;

/**
 * A negated "say / comment / go into" in a content makes the claim a refusal to comment only when it is the
 * speaker's own (parsed fixtures of hand-written sentences, silence-sentences.txt; no CoreNLP).
 */
class SilenceRulesTest {
    private static final ParsedSentences SENTENCES = ParsedSentences.load("silence-sentences.conllu");

    private static Stance stanceOf(String prefix, String cue) {
        return SENTENCES.withCue(prefix, cue).stance();
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
