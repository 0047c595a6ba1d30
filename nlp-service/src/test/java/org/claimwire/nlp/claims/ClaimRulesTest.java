package org.claimwire.nlp.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimwire.nlp.claims.ParsedSentences.speaker;

import java.time.LocalDate;
import java.util.List;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.Claim;
import org.claimwire.events.Enrichment.Kind;
import org.claimwire.events.Enrichment.Mode;
import org.claimwire.events.Enrichment.Stance;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.entities.EntityExtractor;
import org.claimwire.nlp.entities.StoryEntities;
import org.junit.jupiter.api.Test;

/**
 * The claim rules on parsed fixtures (rule-sentences.conllu, written from rule-sentences.txt by ParseDump):
 * no CoreNLP is loaded, so each test is about one rule and runs in milliseconds.
 */
class ClaimRulesTest {
    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor(CueLexicon.standard());
    private static final ParsedSentences FIXTURE = ParsedSentences.load("rule-sentences.conllu");

    private static List<Claim> claims(String prefix) {
        return FIXTURE.claims(prefix);
    }

    private static Claim only(String prefix) {
        return FIXTURE.only(prefix);
    }

    private static Claim withCue(String prefix, String cue) {
        return FIXTURE.withCue(prefix, cue);
    }

    @Test
    void participleTakesTheSubjectOfTheClauseItHangsFrom() {
        Claim saying = claims("The minister defended").stream()
                .filter(c -> c.cue().text().equals("saying")).findFirst().orElseThrow();
        assertThat(speaker(saying)).isEqualTo("The minister");
        assertThat(saying.content().text()).isEqualTo("the deficit would shrink next year");
    }

    @Test
    void statementSayingHasTheStatementAsSource() {
        Claim c = only("The company issued a statement");
        assertThat(speaker(c)).isEqualTo("a statement");
        assertThat(c.content().text()).isEqualTo("its profits would rise");
    }

    @Test
    void sourcelessPassiveIsAClaimWithoutSpeaker() {
        Claim c = only("It was reported");
        assertThat(c.speaker()).isNull();
        assertThat(c.content().text()).isEqualTo("the talks had collapsed");
    }

    @Test
    void rejectingAnOfferIsADecisionNotADenial() {
        Claim c = only("The board rejected the takeover offer");
        assertThat(c.stance()).isEqualTo(Stance.ASSERTS);
        assertThat(c.kind()).isEqualTo(Kind.INTENTION);
        assertThat(only("The judge denied the motion").stance()).isEqualTo(Stance.ASSERTS);
    }

    @Test
    void aTrailingReporterMisparsedInsideTheDecisionIsItsOwnClaim() {
        // "said" parsed as a dependent of the object: the decision and its attribution are two claims
        List<Claim> cs = claims("Two nurses' unions");
        assertThat(cs).hasSize(2);
        Claim rejected = withCue("Two nurses' unions", "rejected");
        assertThat(rejected.stance()).isEqualTo(Stance.ASSERTS);
        assertThat(rejected.kind()).isEqualTo(Kind.INTENTION);
        assertThat(rejected.content().text()).isEqualTo("a revised two-year wage offer");
        Claim said = withCue("Two nurses' unions", "said");
        assertThat(speaker(said)).isEqualTo("a union spokeswoman");
        assertThat(said.content().text())
                .isEqualTo("Two nurses' unions at the county hospital rejected a revised two-year wage offer");
    }

    @Test
    void aDemonstrativeTaggedAsComplementizerStillNamesTheDecision() {
        // "noted" parsed as the complement of "rejected", "that" as its complementizer and "application" as a loose dependent
        Claim rejected = withCue("The regulator has rejected that application", "rejected");
        assertThat(rejected.stance()).isEqualTo(Stance.ASSERTS);
        assertThat(rejected.content().text()).isEqualTo("that application");
        Claim noted = withCue("The regulator has rejected that application", "noted");
        assertThat(speaker(noted)).isEqualTo("the lawyers");
        assertThat(noted.content().text()).isEqualTo("The regulator has rejected that application twice");
        // a "that" whose noun is followed by a verb opens a clause: a real denial
        assertThat(only("The mayor denied that aid").stance()).isEqualTo(Stance.DENIES);
    }

    @Test
    void aVersionOfADecisionObjectIsADecision() {
        Claim c = only("The senate panel narrowly rejected");
        assertThat(c.stance()).isEqualTo(Stance.ASSERTS);
        assertThat(c.content().text()).isEqualTo("a version of the measure that would have raised the fuel tax");
        assertThat(only("The minister rejected his version of events").stance()).isEqualTo(Stance.DENIES);
    }

    @Test
    void denyingSomeoneSomethingIsARefusal() {
        // the first object folded into the second as a compound, and two objects
        Claim folded = only("The agency had denied local builders");
        assertThat(folded.stance()).isEqualTo(Stance.ASSERTS);
        assertThat(folded.kind()).isEqualTo(Kind.INTENTION);
        Claim two = only("The airline had denied foreign carriers");
        assertThat(two.stance()).isEqualTo(Stance.ASSERTS);
        assertThat(two.content().text()).isEqualTo("foreign carriers several landing slots at the airport");
    }

    @Test
    void rejectingOrDisputingAnAssertionStillDenies() {
        assertThat(only("The union rejected charges that it had broken").stance()).isEqualTo(Stance.DENIES);
        assertThat(only("The bank dismissed speculation").stance()).isEqualTo(Stance.DENIES);
        assertThat(only("The minister disputed the assessment").stance()).isEqualTo(Stance.DENIES);
    }

    @Test
    void aDeniedClauseParsedAsPassiveSubjectKeepsItsPredicate() {
        // "denied" parsed as the clausal subject of the passive "was linked": the content is the whole clause
        Claim c = only("The airline denied the delay");
        assertThat(c.stance()).isEqualTo(Stance.DENIES);
        assertThat(c.content().text()).isEqualTo("the delay was linked to the pilots' strike");
    }

    @Test
    void denyingAnAssertionDenies() {
        assertThat(only("The spokesman denied").stance()).isEqualTo(Stance.DENIES);
        Claim reports = only("The company rejected reports");
        assertThat(reports.stance()).isEqualTo(Stance.DENIES);
        assertThat(reports.kind()).isEqualTo(Kind.STATEMENT);
    }

    @Test
    void dismissingAPersonIsNoClaim() {
        assertThat(claims("The bank dismissed its chief economist")).isEmpty();
    }

    @Test
    void decliningToBeIdentifiedIsNotDecliningToComment() {
        List<Claim> cs = claims("An official who declined to be named");
        assertThat(cs).extracting(Claim::stance).doesNotContain(Stance.DECLINES_TO_COMMENT);
        assertThat(claims("The company said an executive it did not name")).extracting(Claim::stance)
                .containsOnly(Stance.ASSERTS);
    }

    @Test
    void decliningToCommentAndNoCommentStay() {
        assertThat(only("The airline declined to comment").stance()).isEqualTo(Stance.DECLINES_TO_COMMENT);
        assertThat(only("A spokesman said the airline has no comment").stance()).isEqualTo(Stance.DECLINES_TO_COMMENT);
    }

    @Test
    void kindsFollowTheCue() {
        Claim belief = only("The governor believes");
        assertThat(belief.kind()).isEqualTo(Kind.BELIEF);
        assertThat(belief.content().text()).isEqualTo("the economy will recover soon");
        Claim intention = only("The mayor wants");
        assertThat(intention.kind()).isEqualTo(Kind.INTENTION);
        assertThat(intention.content().text()).isEqualTo("to build a new stadium downtown");
        Claim evidence = only("Court records show");
        assertThat(evidence.kind()).isEqualTo(Kind.EVIDENCE);
        assertThat(speaker(evidence)).isEqualTo("Court records");
        Claim question = only("Reporters asked whether");
        assertThat(question.kind()).isEqualTo(Kind.QUESTION);
        assertThat(question.content().text()).contains("the president would resign");
        assertThat(only("The report found").kind()).isEqualTo(Kind.EVIDENCE);
    }

    @Test
    void infinitiveAndNounPhraseContents() {
        Claim urged = only("The senator urged");
        assertThat(urged.content().text()).isEqualTo("the agency to release the documents");
        Claim praised = only("Senator Jane Parker praised");
        assertThat(praised.content().text()).startsWith("the agency's performance");
        assertThat(praised.speaker().name()).isEqualTo("Jane Parker");
    }

    @Test
    void colonLabelIsASource() {
        Claim c = only("SMITH:");
        assertThat(speaker(c)).isEqualTo("SMITH");
        assertThat(c.content().text()).isEqualTo("We will not raise taxes this year.");
        assertThat(c.mode()).isEqualTo(Mode.DIRECT);
    }

    @Test
    void quoteResumedAfterTheAttributionBelongsToTheSameClaim() {
        Claim c = only("“We are ready,”");
        assertThat(c.mode()).isEqualTo(Mode.DIRECT);
        assertThat(c.content().text()).startsWith("We are ready").endsWith("The army is in position.");
    }

    @Test
    void aProposalWordedAsAnAssertionIsADecision() {
        Claim proposal = only("The minister rejected a suggestion to devalue");
        assertThat(proposal.stance()).isEqualTo(Stance.ASSERTS);
        assertThat(proposal.kind()).isEqualTo(Kind.INTENTION);
        // the same noun with a plain "that" clause is an assertion: rejecting it denies it
        assertThat(only("The minister rejected suggestions that").stance()).isEqualTo(Stance.DENIES);
    }

    @Test
    void refusalsToSomeoneAndRulingsAreDecisions() {
        assertThat(claims("The reporters were denied credentials")).isEmpty(); // passive: a decision by nobody named
        Claim job = only("The board denied him the chairman's job");
        assertThat(job.stance()).isEqualTo(Stance.ASSERTS);
        assertThat(job.kind()).isEqualTo(Kind.INTENTION);
        Claim ruling = only("The court rejected the company's claim");
        assertThat(ruling.stance()).isEqualTo(Stance.ASSERTS);
        assertThat(ruling.kind()).isEqualTo(Kind.INTENTION);
    }

    @Test
    void aRuleThatDeniesSomethingMakesNoClaim() {
        assertThat(claims("The new rules deny benefits")).isEmpty();
    }

    @Test
    void postposedSourceParsedAsObjectIsTheSpeaker() {
        // the parser gives "Halvorsen" as the cue's xcomp; the source is there all the same
        Claim c = only("“This is in their minds,” said Halvorsen");
        assertThat(speaker(c)).isEqualTo("Halvorsen");
        assertThat(c.content().text()).isEqualTo("This is in their minds");
        assertThat(c.mode()).isEqualTo(Mode.DIRECT);
    }

    @Test
    void quoteBeforeAMultiWordSourceIsItsContent() {
        // the quote runs over two sentences and the cue has no clause of its own: "Ms." starts the source
        Claim c = only("“Are we ready? Probably not,” Ms. Lane said");
        assertThat(speaker(c)).isEqualTo("Ms. Lane");
        assertThat(c.content().text()).isEqualTo("Are we ready? Probably not");
    }

    @Test
    void reportingClauseSetOffByCommasReportsTheClauseAroundIt() {
        Claim interposed = only("Small towns, the mayor said");
        assertThat(speaker(interposed)).isEqualTo("the mayor");
        assertThat(interposed.content().text()).startsWith("Small towns").endsWith("are losing their young people");
        Claim postposed = only("Port traffic called for");
        assertThat(speaker(postposed)).isEqualTo("officials");
        assertThat(postposed.content().text()).isEqualTo("Port traffic called for a second terminal to be built by the river");
    }

    @Test
    void clauseMisparsedAsObjectOrXcompIsTheContent() {
        Claim needs = only("Ms. Ruiz says there needs");
        assertThat(needs.cue().text()).isEqualTo("says");
        assertThat(needs.content().text()).contains("needs");
        Claim satisfied = only("Reyes says he’s satisfied");
        assertThat(satisfied.content().text()).startsWith("he’s satisfied").endsWith("no leak at the agency");
    }

    @Test
    void quotedTranscriptLabelsAndEvidenceHeadlines() {
        Claim transcript = only("\"MORGAN:");
        assertThat(speaker(transcript)).isEqualTo("MORGAN");
        assertThat(transcript.content().text()).isEqualTo("We will hold the line on spending.");
        Claim poll = only("Poll:");
        assertThat(poll.kind()).isEqualTo(Kind.EVIDENCE);
        assertThat(poll.content().text()).isEqualTo("Most voters back the new tax plan.");
    }

    @Test
    void callingSomethingSomethingTakesBothObjects() {
        Claim c = only("Warren called the deal");
        assertThat(c.content().text()).startsWith("the deal “a disaster for workers");
    }

    @Test
    void aCueNounWithAThatClauseIsAClaimOfItsPossessor() {
        Claim claim = claims("The governor repeated his claim").stream()
                .filter(c -> c.cue().text().equals("claim")).findFirst().orElseThrow();
        assertThat(speaker(claim)).isEqualTo("his");
        assertThat(claim.content().text()).isEqualTo("the bridge was safe");
        // a relative clause is no content: "the claim that he made"
        assertThat(claims("The claim that he made on Monday")).extracting(c -> c.cue().text()).doesNotContain("claim");
        Claim finding = only("The audit's finding that");
        assertThat(speaker(finding)).isEqualTo("The audit");
        assertThat(finding.kind()).isEqualTo(Kind.EVIDENCE);
        assertThat(finding.content().text()).startsWith("the fund lost money");
    }

    @Test
    void accusationsEncouragementAndRulings() {
        assertThat(only("The mayor accused the council").content().text()).contains("hiding the costs");
        assertThat(only("The coach encouraged").content().text()).isEqualTo("his players to vote early");
        assertThat(only("The judge ruled that").content().text()).isEqualTo("the contract was void");
    }

    @Test
    void aDecisionObjectRightAfterTheCueDecidesEvenWhenMisparsed() {
        // the tagger takes "offer" for a verb and the parser makes it a clause: still a rejected offer
        Claim offer = only("Members rejected the latest company offer");
        assertThat(offer.stance()).isEqualTo(Stance.ASSERTS);
        assertThat(offer.kind()).isEqualTo(Kind.INTENTION);
        Claim relative = only("The firm made an offer which the board rejected");
        assertThat(relative.stance()).isEqualTo(Stance.ASSERTS);
        assertThat(speaker(relative)).isEqualTo("the board");
    }

    @Test
    void aSuggestionThatSomeoneActIsAProposal() {
        assertThat(only("The board rejected suggestions that it sell").stance()).isEqualTo(Stance.ASSERTS);
    }

    @Test
    void anImpersonalPassiveDenialStillDenies() {
        Claim c = only("It was denied that the plant");
        assertThat(c.stance()).isEqualTo(Stance.DENIES);
        assertThat(c.speaker()).isNull();
    }

    @Test
    void aDecisionAsTheSourceOfADenialIsNoClaim() {
        assertThat(claims("The regulators issued a decision denying")).isEmpty();
    }

    @Test
    void hardWrappedNamesAreShownWithOneSpace() {
        ParsedDoc doc = FIXTURE.doc("Federal Reserve");
        StoryEntities ents = new EntityExtractor().extract(doc);
        List<Enrichment.Entity> es = ents.toContract();
        assertThat(es).extracting(Enrichment.Entity::name).contains("Paul Volcker").noneMatch(n -> n.contains("\n"));
        Claim c = EXTRACTOR.extract(doc, ents, LocalDate.of(2025, 2, 10)).get(0);
        assertThat(c.speaker().text()).doesNotContain("\n");
        assertThat(doc.text().substring(c.speaker().start(), c.speaker().end())).contains("\n");
    }
}
