package org.claimwire.nlp.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimwire.nlp.claims.ParsedSentences.speaker;

import java.util.List;
import org.claimwire.events.Enrichment.Claim;
import org.claimwire.events.Enrichment.Mode;
import org.junit.jupiter.api.Test;

/**
 * The quote rules on parsed fixtures (quote-sentences.conllu, written from quote-sentences.txt by ParseDump):
 * signed vox-pop quotes, quotes whose parse went wrong, quotes that resume after the attribution or in the
 * next paragraph. No CoreNLP is loaded.
 */
class QuoteRulesTest {
    private static final ParsedSentences FIXTURE = ParsedSentences.load("quote-sentences.conllu");

    private static List<Claim> claims(String prefix) {
        return FIXTURE.claims(prefix);
    }

    private static Claim withCue(String prefix, String cue) {
        return FIXTURE.withCue(prefix, cue);
    }

    @Test
    void dashSignedQuotesAreAttributedToTheNameEvenWithAClaimInside() {
        List<Claim> signed = claims("Voters in Ohio speak.").stream().filter(c -> !c.cue().text().equals("said")).toList();
        assertThat(signed).extracting(ParsedSentences::speaker)
                .containsExactly("Maria Lopez", "Tom Baker", "Ana Ruiz", "Peter Olsen"); // no full stop in the name
        assertThat(signed.get(0).content().text())
                .isEqualTo("The mayor said the roads were safe. He was wrong about that. Nobody fixed the bridge.");
        assertThat(signed).allMatch(c -> c.mode() == Mode.DIRECT);
        // ”Fear. ...” opens with a closing mark at the start of its line: still one quote of two sentences
        assertThat(signed.get(2).content().text()).startsWith("Fear. I am worried");
        assertThat(signed.get(3).cue().text()).isEqualTo("--");
        // the claim inside the quote stays too (nested attribution)
        assertThat(withCue("Voters in Ohio speak.", "said").content().text()).isEqualTo("the roads were safe");
    }

    @Test
    void aSubjectInsideTheQuoteIsNotTheSource() {
        Claim c = withCue("“The plan is a disaster", "said");
        assertThat(speaker(c)).startsWith("Linda Wells");
        assertThat(c.content().text()).isEqualTo("The plan is a disaster for the city. Total disaster");
        Claim that = withCue("“That,” he added", "added");
        assertThat(speaker(that)).isEqualTo("he");
    }

    @Test
    void aQuoteInterruptedByItsAttributionIsOneContent() {
        Claim c = withCue("“That,” he added", "added");
        assertThat(c.content().text()).startsWith("That,” he added, “would make life");
        assertThat(c.content().text()).endsWith("for our children.");
    }

    @Test
    void aQuoteParagraphWithoutACueContinuesTheQuoteBefore() {
        Claim c = withCue("“We will not close the plant,” said Robert Lane, the plant manager.\n“The workers need these jobs. We",
                "said");
        assertThat(c.content().text()).startsWith("We will not close the plant");
        assertThat(c.content().text()).endsWith("We owe them that much.");
        Claim colon = withCue("Karen Bell said:", "said");
        assertThat(colon.content().text()).startsWith("The vote was rigged.").endsWith("in the north. Nobody.");
    }

    @Test
    void aQuoteParagraphWithItsOwnAttributionIsNotAContinuation() {
        List<Claim> cs = claims("“We will not close the plant,” said Robert Lane, the plant manager.\n“The workers need these jobs,”");
        assertThat(cs).extracting(c -> c.content().text())
                .containsExactlyInAnyOrder("We will not close the plant", "The workers need these jobs");
        assertThat(cs).extracting(ParsedSentences::speaker).containsExactlyInAnyOrder("Robert Lane, the plant manager",
                "a union leader");
    }

    @Test
    void aColonLabelKeepsAClaimMadeInsideIt() {
        List<Claim> cs = claims("MORRIS:");
        assertThat(cs).extracting(c -> c.cue().text()).containsExactlyInAnyOrder(":", "announced", ":");
        Claim morris = cs.stream().filter(c -> "MORRIS".equals(speaker(c))).findFirst().orElseThrow();
        assertThat(morris.content().text()).isEqualTo("The governor announced that the budget was balanced. That is simply not true.");
    }

    @Test
    void straightMarksAreReadFromTheirNeighbours() {
        // the inch mark after "5" closes nothing that was opened: the real quote is still found and attributed
        List<Claim> cs = claims("The new 5\" screen").stream().filter(c -> c.mode() == Mode.DIRECT).toList();
        assertThat(cs).extracting(c -> c.content().text()).containsExactly("but we can do better next year");
        assertThat(speaker(cs.get(0))).isEqualTo("she");
    }

    @Test
    void aQuoteEndingItsParagraphIsNotSignedByTheNextLine() {
        assertThat(claims("“We will win this race.”")).isEmpty();
    }

    @Test
    void quoteFramesNeedNoCueInTheParse() {
        Claim said = withCue("Said Ellis:", "Said"); // the headline capital makes "Said" a name to the tagger
        assertThat(speaker(said)).isEqualTo("Ellis");
        assertThat(said.content().text()).isEqualTo("I do not think she cares about tax reform at all.");
        Claim continued = withCue("“Nobody counted", "continued"); // no cue elsewhere, but it frames a quote
        assertThat(speaker(continued)).isEqualTo("she");
        assertThat(continued.content().text()).isEqualTo("Nobody counted the ballots in the north");
    }

    @Test
    void aHeadlineEndingInItsSourceIsAClaim() {
        Claim c = withCue("Green Energy Could Create Jobs", "Says");
        assertThat(speaker(c)).isEqualTo("Senate Leader");
        assertThat(c.speaker().name()).isNull(); // the tagger's "Senate Leader Says" is no name
        assertThat(c.content().text()).isEqualTo("Green Energy Could Create Jobs");
    }

    @Test
    void aHeadlineLabelTheStoryNamesElsewhereIsASource() {
        Claim c = withCue("Carter: Voters", ":");
        assertThat(speaker(c)).isEqualTo("Carter");
        assertThat(c.speaker().name()).isEqualTo("Jim Carter");
        assertThat(c.content().text()).isEqualTo("Voters Want Lower Taxes And Better Roads.");
    }

    @Test
    void aRelativePronounIsTheSourceResolvedToItsAntecedent() {
        Claim c = withCue("The budget was written by Mr. Carter", "understood");
        assertThat(speaker(c)).isEqualTo("who");
        assertThat(c.speaker().name()).isEqualTo("Carter");
        // without an entity the antecedent phrase stays: a bare "who" would tell a reader nothing
        assertThat(speaker(withCue("Many economists, who argue", "argue"))).isEqualTo("Many economists");
    }

    @Test
    void quoteFramesSkipAnAppositionAndReadAFrameEndingTheLineBefore() {
        Claim c = withCue("“The council has failed this town,”", "said");
        assertThat(speaker(c)).isEqualTo("Maria Gomez, a retired teacher from Dayton");
        assertThat(c.content().text()).isEqualTo("The council has failed this town");
        Claim continued = withCue("Caddell continued:", "continued");
        assertThat(speaker(continued)).isEqualTo("Caddell");
        assertThat(continued.content().text()).isEqualTo("The numbers are bad for the party. They are worse than last year.");
        Claim letter = withCue("“We see schools", "reads");
        assertThat(speaker(letter)).isEqualTo("the letter");
        assertThat(letter.kind()).isEqualTo(org.claimwire.events.Enrichment.Kind.EVIDENCE); // a document speaks
    }

    @Test
    void aResumedQuoteMayHoldClaimsOfItsOwnButNotAnotherSpeakersAttribution() {
        Claim mayor = withCue("“Do we need new roads?", "said");
        assertThat(mayor.content().text()).startsWith("Do we need new roads? Yes").endsWith("falling apart.");
        List<Claim> two = claims("“We will not raise taxes,” Warren said.");
        assertThat(two).extracting(c -> c.content().text()).containsExactlyInAnyOrder("We will not raise taxes", "We never did");
    }

    @Test
    void indefinitePronounsAreNoSources() {
        List<Claim> cs = claims("No one disputed the figures.");
        assertThat(cs).extracting(ParsedSentences::speaker).containsExactly("Someone like Mr. Clarke");
    }

    @Test
    void ofTwoParsedSubjectsTheOneRightBeforeTheCueIsTheSource() {
        // "It was, the president said, a stone ...": a garbled parse (written by hand here) gives "said" two
        // subjects; the reporting clause's own subject stands right before its verb
        String[] words = {"It", "was", ",", "the", "president", "said", ",", "a", "stone", "."};
        String[] pos = {"PRP", "VBD", ",", "DT", "NN", "VBD", ",", "DT", "NN", "."};
        List<org.claimwire.nlp.doc.Token> tokens = new java.util.ArrayList<>();
        int at = 0;
        for (int i = 0; i < words.length; i++) {
            tokens.add(new org.claimwire.nlp.doc.Token(i, words[i], words[i].toLowerCase(), pos[i], "O", at, at + words[i].length()));
            at += words[i].length() + 1;
        }
        org.claimwire.nlp.doc.Sentence s = new org.claimwire.nlp.doc.Sentence(0, tokens);
        int[] head = {5, 8, 5, 4, 5, -1, 5, 8, 5, 5};
        String[] rel = {"nsubj", "cop", "punct", "det", "nsubj", "root", "punct", "det", "parataxis", "punct"};
        List<org.claimwire.nlp.doc.Edge> edges = new java.util.ArrayList<>();
        for (int i = 0; i < head.length; i++) {
            if (head[i] >= 0) {
                edges.add(new org.claimwire.nlp.doc.Edge(head[i], i, rel[i]));
            }
        }
        s.setParse(head, rel, edges);
        assertThat(Speakers.subject(s, 5)).isEqualTo(4);
    }

    @Test
    void aVoicingVerbRightBeforeAQuoteAttributesIt() {
        Claim chanted = withCue("The senator said little.", "chanted");
        assertThat(speaker(chanted)).isEqualTo("The crowd");
        assertThat(chanted.content().text()).isEqualTo("Four more years!");
        Claim singing = withCue("The senator said little.", "singing"); // a participle: the clause's subject
        assertThat(speaker(singing)).isEqualTo("She");
        assertThat(singing.content().text()).isEqualTo("We shall overcome.");
    }

    @Test
    void aQuoteInsideAQuoteWithTheSameMarksDoesNotEndIt() {
        Claim c = withCue("Readers wrote in.", "―");
        assertThat(speaker(c)).isEqualTo("Rosa Diaz");
        assertThat(c.content().text()).isEqualTo("I would sooner sleep in what she calls “the swamp” than vote for her.");
    }
}
