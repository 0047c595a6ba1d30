package org.claimwire.query.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 20's failures on Reuters copy, as rules: word sense, stance intent, clean joins and display text, kinds. */
class RealWireCopyTest {
    private static final Instant T = Instant.parse("1987-03-02T10:00:00Z");

    private static StoredClaim claim(long id, String speaker, String type, String cue, String content, String stance,
            String headline, String kind) {
        return new StoredClaim(id, id, "urn:t:" + id, headline, T, T, 10L + id, speaker, type, speaker, cue, cue, null,
                content, 0, content.length(), "INDIRECT", stance, null, null, null, null, null, null, List.of(), 0.5, kind);
    }

    @Test
    void aNounInTheQuestionDoesNotMatchTheVerbInAClaim() {
        Question q = new Question("What did Reagan say about trade with Japan?", Question.Type.GENERAL, List.of(),
                List.of("trade"), List.of(), Map.of("trade", "about"));
        StoredClaim arms = claim(1, "Reagan", "PERSON", "said", "he did not trade arms for hostages", "ASSERTS", "h", null);
        StoredClaim trade = claim(2, "Reagan", "PERSON", "said", "the trade deficit with Japan was too high", "ASSERTS", "h", null);
        Relevance r = Relevance.of(q, List.of(arms, trade), new InMemoryClaimIndex());
        assertThat(r.match(arms).coverage()).isZero();
        assertThat(r.match(trade).coverage()).isEqualTo(1.0);

        Question markets = new Question("Did Japan agree to open its markets?", Question.Type.YES_NO, List.of(),
                List.of("markets"), List.of(), Map.of("markets", "its"));
        StoredClaim licence = claim(3, "Corp", "ORGANIZATION", "said", "it won a licence to market the instrument in Japan",
                "ASSERTS", "h", null);
        assertThat(Relevance.of(markets, List.of(licence), new InMemoryClaimIndex()).match(licence).coverage()).isZero();
    }

    @Test
    void aHeadlineAloneDoesNotMakeAClaimRelevant() {
        Question q = new Question("Did they speak by phone?", Question.Type.YES_NO, List.of(), List.of("phone"),
                List.of(), Map.of());
        StoredClaim c = claim(4, "Trump", "PERSON", "told", "he has always had a good relationship with Putin", "ASSERTS",
                "Kremlin can neither confirm nor deny Trump-Putin phone call", null);
        assertThat(Relevance.of(q, List.of(c), new InMemoryClaimIndex()).match(c).coverage()).isZero();
    }

    @Test
    void stanceWordsBecomeAStanceFilterNotTopicWords() {
        Question q = new QuestionParser(new InMemoryClaimIndex()).parse("Who declined to comment on the currency pact?");
        assertThat(q.stances()).containsExactly("DECLINES_TO_COMMENT");
        assertThat(q.terms()).containsExactly("currency", "pact");
        Question denied = new QuestionParser(new InMemoryClaimIndex()).parse("Who denied the report?");
        assertThat(denied.stances()).containsExactly("DENIES");
        Question silent = new QuestionParser(new InMemoryClaimIndex()).parse("Who did not respond to the offer?");
        assertThat(silent.stances()).contains("NO_RESPONSE");
        assertThat(silent.terms()).containsExactly("offer");
    }

    @Test
    void answersJoinTheClaimsOwnWordsWithoutBrokenJoinsOrHardWraps() {
        StoredClaim rejected = claim(5, "Dilson\nFunaro", "PERSON", "rejected",
                "a U.K. Suggestion that his country seek\nInternational Monetary Fund help", "DENIES", "h", null);
        String s = AnswerComposer.claimSentence(rejected, false, new AnswerComposer.Cites());
        assertThat(s).isEqualTo("Dilson Funaro rejected a U.K. Suggestion that his country seek International Monetary Fund help [1].");
        StoredClaim welcomed = claim(6, "Bundesbank", "ORGANIZATION", "welcomed", "stable currencies after Paris", "ASSERTS",
                "h", null);
        assertThat(AnswerComposer.claimSentence(welcomed, false, new AnswerComposer.Cites()))
                .isEqualTo("Bundesbank welcomed: “stable currencies after Paris” [1].");
    }

    @Test
    void claimsThatAreNotStatementsAreNotReportedAsSaid() {
        StoredClaim belief = claim(7, "Paul Volcker", "PERSON", "said", "inflation will stay low", "ASSERTS", "h", "BELIEF");
        assertThat(AnswerComposer.claimSentence(belief, false, new AnswerComposer.Cites()))
                .isEqualTo("Paul Volcker believes that inflation will stay low [1].");
        StoredClaim evidence = claim(8, "Commerce Department figures", "ORGANIZATION", null, "exports rose 2.3 pct",
                "ASSERTS", "h", "EVIDENCE");
        assertThat(AnswerComposer.claimSentence(evidence, false, new AnswerComposer.Cites()))
                .startsWith("The Commerce Department figures shows that exports rose");
        StoredClaim statement = claim(9, "Paul Volcker", "PERSON", "said", "rates are steady", "ASSERTS", "h", null);
        assertThat(AnswerComposer.claimSentence(statement, false, new AnswerComposer.Cites()))
                .isEqualTo("Paul Volcker said that rates are steady [1].");
    }

    @Test
    void relatedQuestionsNeverAskAboutNationalities() {
        assertThat(RelatedQuestions.personOrOrganisation("MISC")).isFalse();
        assertThat(new StoredEntity(1, "West German", "MISC", List.of(), List.of(), 3).isPersonOrOrganisation()).isFalse();
        assertThat(new StoredEntity(2, "Bundesbank", "ORGANIZATION", List.of(), List.of(), 3, 0).mayHaveClaims()).isFalse();
    }
}
