package org.claimwire.nlp.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.Claim;
import org.claimwire.events.Enrichment.Mode;
import org.claimwire.events.Enrichment.Stance;
import org.claimwire.nlp.TestEnricher;
import org.junit.jupiter.api.Test;

/** Hand-written stories, one per attribution pattern (src/test/resources/stories). */
class PatternStoriesTest {

    static String story(String name) {
        try (InputStream in = PatternStoriesTest.class.getResourceAsStream("/stories/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Enrichment run(String name) {
        Enrichment e = TestEnricher.enrich(story(name));
        System.out.println("== " + name + "\n" + TestEnricher.describe(e));
        return e;
    }

    static List<Claim> attributed(Enrichment e) {
        return e.claims().stream().filter(c -> c.mode() != Mode.UNATTRIBUTED).toList();
    }

    static String speakerName(Enrichment e, Claim c) {
        if (c.speaker() == null || c.speaker().entityId() == null) {
            return null;
        }
        return e.entities().stream().filter(x -> x.id().equals(c.speaker().entityId())).findFirst().orElseThrow().name();
    }

    static Claim only(Enrichment e) {
        List<Claim> a = attributed(e);
        assertThat(a).hasSize(1);
        return a.get(0);
    }

    @Test
    void quoteBeforeTheCue() {
        Enrichment e = run("quote-after-cue");
        Claim c = only(e);
        assertThat(c.mode()).isEqualTo(Mode.DIRECT);
        assertThat(speakerName(e, c)).isEqualTo("Anna Berg");
        assertThat(c.content().text()).isEqualTo("We will not raise taxes this year");
        assertThat(c.time().normalized()).isEqualTo("2025-02-04");
    }

    @Test
    void quoteAfterTheCue() {
        Enrichment e = run("quote-before-cue");
        Claim c = only(e);
        assertThat(c.mode()).isEqualTo(Mode.DIRECT);
        assertThat(speakerName(e, c)).isEqualTo("Anna Berg");
        assertThat(c.content().text()).startsWith("The budget is balanced");
    }

    @Test
    void multiSentenceQuoteWithInvertedCue() {
        Enrichment e = run("multi-sentence-quote");
        Claim c = only(e);
        assertThat(c.mode()).isEqualTo(Mode.DIRECT);
        assertThat(speakerName(e, c)).isEqualTo("Carlos Ruiz");
        assertThat(c.content().text()).startsWith("The storm destroyed 200 homes").endsWith("We need help now");
        assertThat(c.checkWorthiness()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void partialQuoteIsMixed() {
        Enrichment e = run("partial-quote");
        Claim c = only(e);
        assertThat(c.mode()).isEqualTo(Mode.MIXED);
        assertThat(speakerName(e, c)).isEqualTo("Globex Corp");
    }

    @Test
    void missingOpeningQuote() {
        Enrichment e = run("missing-opening-quote");
        Claim c = only(e);
        assertThat(c.mode()).isEqualTo(Mode.DIRECT);
        assertThat(speakerName(e, c)).isEqualTo("Maria Lopez");
        assertThat(c.content().text()).isEqualTo("Prices will keep rising until the summer");
    }

    @Test
    void accordingTo() {
        Enrichment e = run("according-to");
        Claim c = only(e);
        assertThat(c.cue().lemma()).isEqualTo("according to");
        assertThat(c.speaker().text()).contains("Health Ministry");
        assertThat(c.content().text()).contains("45 people were killed");
        assertThat(c.checkWorthiness()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void interviewWithGivesTheRecipient() {
        Enrichment e = run("interview-with");
        Claim c = only(e);
        assertThat(speakerName(e, c)).isEqualTo("John Carter");
        assertThat(c.recipient()).isNotNull();
        assertThat(c.recipient().text()).contains("BBC");
        assertThat(c.recipient().entityId()).isNotNull();
    }

    @Test
    void denial() {
        Enrichment e = run("denial");
        // "was accused of taking bribes" is a sourceless passive attribution of its own (an accusation)
        Claim accusation = attributed(e).stream().filter(x -> x.cue().lemma().equals("accuse")).findFirst().orElseThrow();
        assertThat(accusation.speaker()).isNull();
        assertThat(accusation.stance()).isEqualTo(Stance.ASSERTS);
        List<Claim> denials = attributed(e).stream().filter(x -> x.cue().lemma().equals("deny")).toList();
        assertThat(denials).hasSize(1);
        Claim c = denials.get(0);
        assertThat(c.stance()).isEqualTo(Stance.DENIES);
        assertThat(speakerName(e, c)).isEqualTo("Mary Chen");
        assertThat(c.content().text()).isEqualTo("she had met the lobbyists");
    }

    @Test
    void declinedToComment() {
        Enrichment e = run("declined-to-comment");
        Claim c = only(e);
        assertThat(c.stance()).isEqualTo(Stance.DECLINES_TO_COMMENT);
        assertThat(c.speaker().text()).contains("spokeswoman");
        assertThat(c.content().text()).startsWith("declined to comment");
    }

    @Test
    void didNotConfirm() {
        Enrichment e = run("did-not-confirm");
        Claim c = attributed(e).stream().filter(x -> x.cue().lemma().equals("confirm")).findFirst().orElseThrow();
        assertThat(c.stance()).isEqualTo(Stance.NEITHER_CONFIRMS_NOR_DENIES);
        assertThat(c.speaker().text()).contains("Defence Ministry");
        assertThat(c.checkWorthiness()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void nestedAttributionKeepsBothLevels() {
        Enrichment e = run("nested-attribution");
        List<Claim> a = attributed(e);
        assertThat(a).hasSize(2);
        assertThat(a).anySatisfy(c -> {
            assertThat(speakerName(e, c)).isEqualTo("Guardian");
            assertThat(c.content().text()).startsWith("Senator Mary Chen told colleagues");
        });
        assertThat(a).anySatisfy(c -> {
            assertThat(speakerName(e, c)).isEqualTo("Mary Chen");
            assertThat(c.content().text()).isEqualTo("the bill would pass");
            assertThat(c.recipient().text()).isEqualTo("colleagues");
        });
    }

    @Test
    void conjoinedComplementsAreSeparateClaims() {
        Enrichment e = run("conjoined-complements");
        List<Claim> a = attributed(e);
        assertThat(a).extracting(c -> c.content().text())
                .containsExactly("the vote was delayed", "the committee would meet again on Friday");
        assertThat(a).allSatisfy(c -> assertThat(speakerName(e, c)).isEqualTo("Mary Chen"));
    }

    @Test
    void noResponse() {
        Enrichment e = run("no-response");
        Claim c = only(e);
        assertThat(c.stance()).isEqualTo(Stance.NO_RESPONSE);
        assertThat(c.speaker().text()).isEqualTo("The embassy");
    }

    @Test
    void pronounSpeaker() {
        Enrichment e = run("pronoun-speaker");
        Claim c = only(e);
        assertThat(speakerName(e, c)).isEqualTo("Mary Chen");
        assertThat(c.speaker().text()).isEqualTo("She");
    }

    @Test
    void titleSpeaker() {
        Enrichment e = run("title-speaker");
        Claim c = only(e);
        assertThat(speakerName(e, c)).isEqualTo("Peter Holm");
        Enrichment.Entity holm = e.entities().stream().filter(x -> x.name().equals("Peter Holm")).findFirst().orElseThrow();
        assertThat(holm.titles()).contains("Foreign Minister");
        Enrichment.Entity lind = e.entities().stream().filter(x -> x.name().equals("Eva Lind")).findFirst().orElseThrow();
        assertThat(lind.titles()).contains("Swedish counterpart");
    }

    @Test
    void nonEnglishGivesNoClaims() {
        // no declared language (a bare REST call): nlp guesses
        Enrichment e = TestEnricher.get().enrich(story("german"), null, null);
        assertThat(e.language()).isEqualTo("de");
        assertThat(e.claims()).isEmpty();
    }

    @Test
    void declaredLanguageIsTrusted() {
        // the language is decided once, by ingest: nlp does not second-guess a declared one (issue 18)
        Enrichment de = TestEnricher.get().enrich("Merkel said the talks would go on.", "de-DE", null);
        assertThat(de.language()).isEqualTo("de");
        assertThat(de.claims()).isEmpty();
        Enrichment en = TestEnricher.get().enrich(story("german"), "en", null);
        assertThat(en.language()).isEqualTo("en");
    }

    @Test
    void neverMergesTwoDifferentFullNames() {
        Enrichment e = TestEnricher.enrich("Donald Trump met Melania Trump in Florida. Trump said the meeting went well. "
                + "Ivanka Trump said nothing.");
        System.out.println(TestEnricher.describe(e));
        assertThat(e.entities().stream().filter(x -> x.type() == Enrichment.EntityType.PERSON).map(Enrichment.Entity::name))
                .contains("Donald Trump", "Melania Trump", "Ivanka Trump");
    }
}
