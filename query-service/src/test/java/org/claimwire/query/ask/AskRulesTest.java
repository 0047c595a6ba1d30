package org.claimwire.query.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules that fixed ask's remaining failures on Reuters copy (issue 20), each on a small constructed case: which
 * words of a question name stored entities, stance intents, partial credit for synonyms, word senses, the threshold
 * for questions of words alone, whole-sentence claims, quotation marks, and who-is with type and organisation.
 */
class AskRulesTest {
    private static final Instant T = Instant.parse("1987-03-02T10:00:00Z");

    private static StoredEntity person(long id, String name, List<String> aliases, List<String> titles) {
        return new StoredEntity(id, name, "PERSON", aliases, titles, 5, 3);
    }

    private static StoredClaim claim(long id, String speaker, String cue, String content, String mode) {
        return new StoredClaim(id, id, "urn:t:" + id, "h", T, T, 100L + id, speaker, "PERSON", speaker, cue, cue, null,
                content, 0, content.length(), mode, "ASSERTS", null, null, null, null, null, null, List.of(), 0.5, null);
    }

    private static List<Long> ids(Question q) {
        return q.entities().stream().map(n -> n.entity().id()).toList();
    }

    @Test
    void aOneWordTitleOrAnArticleAndASurnameNameNoOne() {
        InMemoryClaimIndex idx = new InMemoryClaimIndex();
        idx.put(person(1, "Richard Lyng", List.of(), List.of("Agriculture Secretary")));
        idx.put(person(2, "Robert Ortner", List.of(), List.of("-Secretary")));
        idx.put(person(3, "Roger King", List.of(), List.of("chairman")));
        QuestionParser parser = new QuestionParser(idx);

        Question secretary = parser.parse("What did Richard Lyng say about secretary?");
        assertThat(ids(secretary)).containsExactly(1L);
        assertThat(secretary.terms()).containsExactly("secretary");
        // a qualified title still names its holder
        assertThat(ids(parser.parse("What did the Agriculture Secretary say?"))).containsExactly(1L);

        Question king = parser.parse("Who is the king of France?");
        assertThat(king.entities()).isEmpty();
        assertThat(king.type()).isEqualTo(Question.Type.GENERAL);
        assertThat(ids(parser.parse("What did King say?"))).containsExactly(3L);
    }

    @Test
    void aWordInSmallLettersIsNoNameWhereTheQuestionCapitalisesNames() {
        InMemoryClaimIndex idx = new InMemoryClaimIndex();
        idx.put(person(1, "Reagan", List.of(), List.of("President")));
        idx.put(new StoredEntity(2, "Trade", "ORGANIZATION", List.of(), List.of(), 1, 0));
        QuestionParser parser = new QuestionParser(idx);
        Question q = parser.parse("What did Reagan say about trade with Japan?");
        assertThat(ids(q)).containsExactly(1L);
        assertThat(q.terms()).contains("trade");
        assertThat(q.contexts()).containsEntry("trade", "about");
        // all in small letters: the words are all the question has to go by
        assertThat(ids(parser.parse("what did reagan say about trade"))).containsExactly(1L, 2L);
    }

    @Test
    void entitiesGoingByTheSameNameAnswerTogether() {
        InMemoryClaimIndex idx = new InMemoryClaimIndex();
        idx.put(person(1, "Reagan", List.of(), List.of("President")));
        idx.put(person(2, "Ronald Reagan", List.of("Reagan"), List.of("President")));
        idx.put(person(3, "Nancy Reagan", List.of(), List.of()));
        Question q = new QuestionParser(idx).parse("What did Reagan say about the missile treaty?");
        assertThat(q.entities()).hasSize(1);
        Question.Named reagan = q.entities().get(0);
        assertThat(reagan.entity().id()).isEqualTo(1L);
        assertThat(reagan.same()).extracting(StoredEntity::id).containsExactly(2L); // not Nancy: only her surname
        assertThat(reagan.is(2L)).isTrue();
        assertThat(reagan.is(3L)).isFalse();
    }

    @Test
    void rejectionsAreDenialsAndConfirmationsAssertions() {
        QuestionParser parser = new QuestionParser(new InMemoryClaimIndex());
        Question rejected = parser.parse("Who rejected the TWA offer?");
        assertThat(rejected.stances()).containsExactly("DENIES");
        assertThat(rejected.terms()).containsExactly("twa", "offer");
        Question confirmed = parser.parse("Who confirmed the merger?");
        assertThat(confirmed.stances()).containsExactly("ASSERTS");
        assertThat(confirmed.terms()).contains("merger", "confirmed");
    }

    @Test
    void aSynonymAloneRanksBelowTheWord() {
        Question q = new Question("What did Reagan say about the missile treaty?", Question.Type.WHAT_SAID, List.of(),
                List.of("missile", "treaty"), List.of(), Map.of("missile", "the", "treaty", "missile"));
        StoredClaim deal = claim(1, "Reagan", "admitted", "the operation wound up as an arms-for-hostages deal", "INDIRECT");
        StoredClaim treaty = claim(2, "Reagan", "said", "the treaty draft followed the formula on medium-range missiles",
                "INDIRECT");
        Relevance r = Relevance.of(q, List.of(deal, treaty), new InMemoryClaimIndex());
        assertThat(r.match(deal).exactness()).isLessThan(r.match(deal).coverage());
        assertThat(r.match(deal).missing()).isEqualTo(1);
        assertThat(r.match(treaty).exactness()).isEqualTo(1.0);
        assertThat(r.match(deal).exactness()).isLessThan(0.5 * r.match(treaty).exactness());
    }

    @Test
    void theTopicOfACountCarriesTheQuestionNotItsUnit() {
        QuestionParser parser = new QuestionParser(new InMemoryClaimIndex());
        Question tonnes = parser.parse("How many tonnes of wheat will the Soviet Union buy?");
        assertThat(tonnes.type()).isEqualTo(Question.Type.HOW_MANY);
        assertThat(Relevance.roleWeight(tonnes, "tonnes")).isEqualTo(0.5);
        assertThat(Relevance.roleWeight(tonnes, "wheat")).isEqualTo(1.0);
        StoredClaim corn = claim(1, "Soviet Union", "said", "one mln tonnes of U.S. corn had been bought", "INDIRECT");
        StoredClaim wheat = claim(2, "Soviet Union", "said", "Moscow would buy four mln tonnes of U.S. wheat", "INDIRECT");
        Relevance r = Relevance.of(tonnes, List.of(corn, wheat), new InMemoryClaimIndex());
        assertThat(r.match(corn).coverage()).isLessThan(r.match(wheat).coverage() / 2);
    }

    @Test
    void wordSensesFromConjunctionsNumbersAndObjects() {
        Question markets = new Question("Did Japan agree to open its markets?", Question.Type.YES_NO, List.of(),
                List.of("markets"), List.of(), Map.of("markets", "its"));
        StoredClaim licence = claim(1, "Corp", "said", "it may manufacture and market the instrument in Japan", "INDIRECT");
        StoredClaim object = claim(2, "Corp", "said", "it will market the instrument in Japan from May", "INDIRECT");
        Relevance r = Relevance.of(markets, List.of(licence, object), new InMemoryClaimIndex());
        assertThat(r.match(licence).coverage()).isZero();
        assertThat(r.match(object).coverage()).isZero();

        Question series = new Question("What did the Ropak Corp say about series?", Question.Type.WHAT_SAID, List.of(),
                List.of("series"), List.of(), Map.of("series", "about"));
        StoredClaim shares = claim(3, "Ropak", "said", "it accepted 527,035 Series A convertible preferred shares", "INDIRECT");
        assertThat(Relevance.of(series, List.of(shares), new InMemoryClaimIndex()).match(shares).coverage()).isEqualTo(1.0);
    }

    @Test
    void theSameWordsInSeveralStoriesBreakATie() {
        StoredClaim once = claim(1, "Reagan", "said", "the deficit must be cut", "INDIRECT");
        StoredClaim copy1 = claim(2, "Baker", "said", "the dollar is stable", "INDIRECT");
        StoredClaim copy2 = claim(3, "Baker", "said", "the dollar is stable", "INDIRECT");
        List<ClaimRanker.Scored> scored = ClaimRanker.withSourceCount(List.of(new ClaimRanker.Scored(once, 1, 1, 1, false),
                new ClaimRanker.Scored(copy1, 1, 1, 1, false), new ClaimRanker.Scored(copy2, 1, 1, 1, false)));
        assertThat(scored.get(0).score()).isEqualTo(1.0);
        assertThat(scored.get(1).score()).isGreaterThan(1.0).isLessThan(1.1);
        assertThat(ClaimRanker.dedupe(scored)).hasSize(2);
    }

    @Test
    void aQuestionOfWordsAloneNeedsItsWords() {
        assertThat(ClaimRanker.coversWordsAlone(0.55, 1, 2)).isFalse(); // "the weather tomorrow" vs "adverse weather"
        assertThat(ClaimRanker.coversWordsAlone(0.7, 0, 2)).isTrue();
        assertThat(ClaimRanker.coversWordsAlone(0.7, 1, 4)).isTrue();
        assertThat(ClaimRanker.coversWordsAlone(0.5, 1, 4)).isFalse();
        assertThat(ClaimRanker.coversWordsAlone(0.8, 2, 4)).isFalse();
    }

    @Test
    void aClaimThatIsAWholeSentenceJoinsWithThat() {
        StoredClaim under = claim(1, "the court", "said",
                "Under the terms of the order, all defendants are prohibited from selling the computers", "INDIRECT");
        assertThat(AnswerComposer.claimSentence(under, false, new AnswerComposer.Cites()))
                .isEqualTo("The court said that under the terms of the order, all defendants are prohibited from selling the computers [1].");
        StoredClaim lure = claim(2, "Seizaburo Sato", "said",
                "To lure opposition parties back to parliament, the cabinet will have to resign", "INDIRECT");
        assertThat(AnswerComposer.claimSentence(lure, false, new AnswerComposer.Cites()))
                .isEqualTo("Seizaburo Sato said that to lure opposition parties back to parliament, the cabinet will have to resign [1].");
        // a name stays as written, an infinitive in small letters is the cue's complement
        assertThat(AnswerComposer.opensSentence("Japan will open its markets")).isFalse();
        assertThat(AnswerComposer.opensSentence("OPEC will hold output")).isFalse();
        StoredClaim agreed = claim(3, "Japan", "agreed", "to try to increase purchases", "INDIRECT");
        assertThat(AnswerComposer.claimSentence(agreed, false, new AnswerComposer.Cites()))
                .isEqualTo("Japan agreed to try to increase purchases [1].");
    }

    @Test
    void aQuotationMarkLeftOpenIsClosedAndAStrayOneDropped() {
        assertThat(AnswerComposer.balanceQuotes("the Fed's policy \"has been unchanged up to today"))
                .isEqualTo("the Fed's policy \"has been unchanged up to today\"");
        assertThat(AnswerComposer.balanceQuotes("it was a mistake,\" he said")).isEqualTo("it was a mistake, he said");
        assertThat(AnswerComposer.balanceQuotes("a \"quoted\" word")).isEqualTo("a \"quoted\" word");
    }

    @Test
    void whoIsGivesTheFullerTitleTheTypeAndTheOrganisation() {
        InMemoryClaimIndex idx = new InMemoryClaimIndex();
        idx.put(new StoredEntity(7, "Citibank", "ORGANIZATION", List.of(), List.of(), 9, 2));
        StoredEntity rhodes = idx.put(person(8, "William Rhodes", List.of(), List.of("senior Citibank executive")));
        String sentence = "Seixas met again this morning with senior Citibank\nexecutive William Rhodes.";
        TitleEvidence e = new TitleEvidence("senior Citibank executive", null, 1, "urn:t:1", "h", T, sentence, 0,
                sentence.length());
        Affiliation.Found org = Affiliation.of(rhodes, List.of(e), idx);
        assertThat(org.organisation().name()).isEqualTo("Citibank");
        String answer = new AnswerComposer().describe(rhodes, List.of(e), org, List.of()).prose();
        assertThat(answer).isEqualTo("William Rhodes is described as “senior Citibank executive” [1]. "
                + "William Rhodes is a person at Citibank [1].");

        TitleEvidence finance = new TitleEvidence("Finance Minister", null, 2, "u2", "h", T, "Finance Minister Gerhard Stoltenberg", 0, 10);
        TitleEvidence counterpart = new TitleEvidence("West german counterpart", null, 3, "u3", "h", T, "x", 0, 1);
        TitleEvidence fuller = new TitleEvidence("West German Finance Minister", null, 4, "u4", "h", T, "y", 0, 1);
        assertThat(AnswerComposer.shownTitles(List.of(finance, counterpart, fuller))).containsExactly(finance, fuller);
        TitleEvidence part = new TitleEvidence("Trade Representative", null, 5, "u5", "h", T, "z", 0, 1);
        TitleEvidence full = new TitleEvidence("U.S. trade representative", null, 6, "u6", "h", T, "w", 0, 1);
        assertThat(AnswerComposer.shownTitles(List.of(full, part))).containsExactly(full);
    }
}
