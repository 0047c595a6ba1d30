package org.claimwire.nlp.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimwire.nlp.claims.ParsedSentences.speaker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwire.events.Enrichment.Claim;
import org.claimwire.events.Enrichment.Kind;
import org.claimwire.events.Enrichment.Stance;
import org.junit.jupiter.api.Test;

/**
 * Cues whose content is not a quote (a noun phrase, a prepositional phrase, an infinitive with its controller),
 * on parsed fixtures (cue-sentences.conllu, written from cue-sentences.txt by ParseDump): no CoreNLP is loaded.
 * The fixtures keep the parser's real errors ("called on X to ..." as an adverbial clause), which the rules repair.
 */
class CueRulesTest {
    private static final ParsedSentences FIXTURE = ParsedSentences.load("cue-sentences.conllu");

    private static List<Claim> claims(String prefix) {
        return FIXTURE.claims(prefix);
    }

    private static Claim only(String prefix) {
        return FIXTURE.only(prefix);
    }

    private static void assertClaim(Claim c, String speaker, String cue, String content, Kind kind) {
        assertThat(c.speaker().text()).isEqualTo(speaker);
        assertThat(c.cue().text()).isEqualTo(cue);
        assertThat(c.content().text()).isEqualTo(content);
        assertThat(c.kind()).isEqualTo(kind);
        assertThat(c.stance()).isEqualTo(Stance.ASSERTS);
    }

    @Test
    void callOnOrForParsedAsAdverbialClauseHasTheClauseAsContent() {
        assertClaim(only("The senator called on"), "The senator", "called", "the agency to release the videos",
                Kind.STATEMENT);
        assertClaim(only("The mayor called for"), "The mayor", "called", "landlords to freeze rents until spring",
                Kind.STATEMENT);
    }

    @Test
    void namingTakesTheObjectAndTheNameGiven() {
        assertClaim(only("The candidate called his rival"), "The candidate", "called",
                "his rival a \"dangerous fraud\" who lies to voters", Kind.STATEMENT);
        // the name hangs from the verb, after a prepositional phrase on the object
        assertClaim(only("The governor called her own vote"), "The governor", "called",
                "her own vote for the bridge project a mistake", Kind.STATEMENT);
    }

    @Test
    void objectContentTakesItsComplementAlong() {
        assertClaim(only("The union accused"), "The union", "accused", "the company of hiding its losses", Kind.STATEMENT);
        // a pronoun object is a content only with its complement
        assertClaim(only("The coach blasted"), "The coach", "blasted", "them for missing practice", Kind.STATEMENT);
        // the cue's own preposition (liken obl:to)
        assertClaim(only("The senator likened"), "The senator", "likened", "the tax plan to a lottery ticket",
                Kind.STATEMENT);
    }

    @Test
    void cueSpecificPrepositionIsTheContentWithItsComplement() {
        assertClaim(only("The economist pointed to"), "The economist", "pointed",
                "the rising deficit as a warning sign", Kind.STATEMENT);
        // "point" takes no object: pointing a camera is no attribution
        assertThat(claims("The crew was pointing")).isEmpty();
    }

    @Test
    void cueAsClausalSubjectOfANominalPredicateHasThePredicateClauseAsContent() {
        assertClaim(only("Early polls showed"), "Early polls", "showed", "the mayor was the favorite of younger voters",
                Kind.EVIDENCE);
    }

    @Test
    void usersAddPrepositionsToTheirOwnCues() {
        CueLexicon lex = new CueLexicon(Map.of("harp", Set.of("obl:on"), "speak", Set.of("obl"), "say", Set.of()));
        assertThat(lex.takesPreposition("harp")).isTrue();
        assertThat(lex.takesPreposition("speak")).isTrue();
        assertThat(lex.takesPreposition("say")).isFalse();
    }

    @Test
    void participleAfterByIsTheSpeakersStatementEvenWhenParsedUnderItsContent() {
        // parsed with "saying" as an oblique of "raise": the clause above the cue is the content
        assertClaim(only("The governor appeared"), "The governor", "saying", "he would never raise taxes", Kind.STATEMENT);
    }

    @Test
    void cueNounWithAPrepositionalContent() {
        assertClaim(only("The mayor's criticism"), "The mayor", "criticism", "the budget", Kind.STATEMENT);
        // the source of a cue noun is the subject of a light verb; "concern" is a feeling
        assertClaim(only("Local critics voiced"), "Local critics", "concern", "the new parking rules", Kind.BELIEF);
        // an act, not something said: no claim
        assertThat(claims("The union's endorsement")).isEmpty();
    }

    @Test
    void cueHungFromAMisreadParticipleModifierTakesTheModifiedSubjectAsSource() {
        // "released" parsed as the main verb and "shows" as its dependent
        assertClaim(only("The new city survey"), "The new city survey", "shows", "rents rose sharply", Kind.EVIDENCE);
    }

    @Test
    void evidenceCueTakesANounPhraseOnlyFromADocumentOrDataset() {
        assertClaim(only("The latest poll shows"), "The latest poll", "shows", "the governor with a narrow lead",
                Kind.EVIDENCE);
        assertThat(claims("The tired players showed")).isEmpty();
    }

    @Test
    void passiveNounPhraseCueHasWhatTheSubjectIsAccusedOfOrTheSubjectAsContent() {
        Claim accused = only("The treasurer was accused");
        assertThat(accused.speaker()).isNull();   // nobody named: a claim without a source
        assertThat(accused.content().text()).isEqualTo("hiding the losses");
        assertClaim(only("The new stadium plan"), "most local papers", "praised", "The new stadium plan", Kind.STATEMENT);
    }

    @Test
    void firstPersonInTheWritersOwnVoiceIsASource() {
        Claim belief = only("I believe the new tax plan");
        assertThat(belief.speaker().text()).isEqualTo("I");
        assertThat(belief.speaker().entityId()).isNull();
        assertThat(belief.cue().text()).isEqualTo("believe");
        assertThat(belief.content().text()).isEqualTo("the new tax plan will hurt small farms");
        assertThat(belief.kind()).isEqualTo(Kind.BELIEF);
        Claim think = only("We think the mayor");
        assertThat(think.speaker().text()).isEqualTo("We");
        assertThat(think.content().text()).isEqualTo("the mayor misled the council about the cost of the bridge");
    }

    @Test
    void firstPersonInsideAQuoteIsPartOfTheQuotedSpeakersClaim() {
        Claim c = only("\"I think the bridge is safe,\"");
        assertThat(c.speaker().text()).isEqualTo("the chief engineer");
        assertThat(c.cue().text()).isEqualTo("said");
        // a transcript turn: the first person is the labelled speaker, not the writer
        assertThat(claims("SMITH: I think")).noneMatch(x -> x.speaker() != null && x.speaker().text().equals("I"));
    }

    @Test
    void someoneUnnamedWhoAsksIsTheSourceOfAQuestion() {
        Claim c = only("Then someone asked how");
        assertThat(c.speaker().text()).isEqualTo("someone");
        assertThat(c.content().text()).isEqualTo("how the council would pay for the new road");
        assertThat(c.kind()).isEqualTo(Kind.QUESTION);
    }
}
