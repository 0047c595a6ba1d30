package org.claimwire.query.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.claimwire.query.text.Text;

class AskServiceTest {
    private static AskService ask;

    @BeforeAll
    static void load() {
        ask = new AskService(SeedData.index());
    }

    @Test
    void didTrumpAndPutinSpeakCitesEverySide() {
        AskAnswer a = print(ask.ask("Did Trump and Putin speak by phone?"));
        assertThat(a.answered()).isTrue();
        assertThat(a.type()).isEqualTo("YES_NO");
        assertThat(a.entities()).extracting(AskAnswer.EntityInfo::name)
                .containsExactlyInAnyOrder("Donald Trump", "Vladimir Putin");
        Grounding.assertGrounded(a);
        assertThat(a.citations()).anySatisfy(c -> {
            assertThat(c.speaker()).isEqualTo("Donald Trump");
            assertThat(c.stance()).isEqualTo("ASSERTS");
            assertThat(c.recipient()).isEqualTo("New York Post");
            assertThat(c.text()).contains("phone conversation");
        });
        assertThat(a.citations()).anySatisfy(c -> {
            assertThat(c.speaker()).isEqualTo("Dmitry Peskov");
            assertThat(c.stance()).isEqualTo("NEITHER_CONFIRMS_NOR_DENIES");
            assertThat(c.text()).contains("neither confirm nor deny");
        });
        assertThat(a.citations()).anySatisfy(c -> {
            assertThat(c.speaker()).isEqualTo("White House");
            assertThat(c.stance()).isEqualTo("NO_RESPONSE");
        });
        assertThat(a.perspectives()).extracting(AskAnswer.Perspective::stance)
                .contains("ASSERTS", "NEITHER_CONFIRMS_NOR_DENIES", "NO_RESPONSE");
        // The prose itself names every side, not just the citation list.
        assertThat(a.answer()).contains("Donald Trump told the New York Post", "Dmitry Peskov", "the White House");
        // Unrelated claims stay out.
        assertThat(a.citations()).noneSatisfy(c -> assertThat(c.text()).contains("good relationship"));
        assertThat(a.citations()).noneSatisfy(c -> assertThat(c.text()).contains("Zelensky"));
        relatedAreAnswered(a);
    }

    @Test
    void whoIsPeskovFromLearnedTitle() {
        AskAnswer a = print(ask.ask("Who is Dmitry Peskov?"));
        assertThat(a.answered()).isTrue();
        assertThat(a.type()).isEqualTo("WHO_IS");
        assertThat(a.answer()).startsWith("Dmitry Peskov is described as “Kremlin spokesman” [1]");
        assertThat(a.citations().get(0).text()).contains("Kremlin spokesman");
        Grounding.assertGrounded(a);
        relatedAreAnswered(a);
    }

    @Test
    void titleFindsThePerson() {
        AskAnswer a = print(ask.ask("What did the Kremlin spokesman say about Trump?"));
        assertThat(a.answered()).isTrue();
        assertThat(a.entities()).extracting(AskAnswer.EntityInfo::name).contains("Dmitry Peskov", "Donald Trump");
        assertThat(a.citations()).allSatisfy(c -> assertThat(c.speaker()).isEqualTo("Dmitry Peskov"));
        Grounding.assertGrounded(a);
    }

    @Test
    void whenWillTrumpMeetZelenskyCitesNextWeek() {
        AskAnswer a = print(ask.ask("When will Trump meet Zelensky?"));
        assertThat(a.answered()).isTrue();
        assertThat(a.type()).isEqualTo("WHEN");
        assertThat(a.answer()).contains("next week");
        assertThat(a.citations().get(0).speaker()).isEqualTo("Donald Trump");
        assertThat(a.citations().get(0).time()).isEqualTo("Friday");
        assertThat(a.citations().get(0).text()).contains("next week");
        Grounding.assertGrounded(a);
        relatedAreAnswered(a);
    }

    @Test
    void lemmasAndSynonymsMatch() {
        AskAnswer spoken = ask.ask("Have Trump and Putin spoken?");
        AskAnswer talked = ask.ask("Did Putin and Trump talk?");
        assertThat(spoken.answered()).isTrue();
        assertThat(talked.answered()).isTrue();
        assertThat(spoken.citations()).anySatisfy(c -> assertThat(c.text()).contains("phone conversation"));
        assertThat(talked.citations()).anySatisfy(c -> assertThat(c.text()).contains("phone conversation"));
    }

    @Test
    void whoSaidFindsSpeakers() {
        AskAnswer a = print(ask.ask("Who said people are dying?"));
        assertThat(a.answered()).isTrue();
        assertThat(a.citations()).allSatisfy(c -> assertThat(c.speaker()).isEqualTo("Donald Trump"));
        Grounding.assertGrounded(a);
    }

    @Test
    void nothingStoredMeansNoAnswerAndAnswerableSuggestions() {
        for (String q : List.of("Did Macron visit Beijing?", "Did Trump play golf?", "What is the weather tomorrow?")) {
            AskAnswer a = print(ask.ask(q));
            assertThat(a.answered()).as(q).isFalse();
            assertThat(a.answer()).isNull();
            assertThat(a.citations()).isEmpty();
            assertThat(a.message()).contains("No stored claim");
            assertThat(a.relatedQuestions()).as(q).isNotEmpty();
            for (String s : a.relatedQuestions()) {
                AskAnswer sa = ask.ask(s);
                assertThat(sa.answered()).as(s).isTrue();
                Grounding.assertGrounded(sa);
            }
        }
    }

    @Test
    void aCueWithoutItsNegationNeverInvertsTheStance() {
        StoredClaim c = new StoredClaim(1, 1, "u", "h", null, null, 7L, "White House", "ORGANIZATION", "The White House",
                "responded", "respond", null, "a Reuters request for comment", 50, 79, "INDIRECT", "NO_RESPONSE",
                null, null, null, null, null, null, List.of(), 0.5);
        String s = AnswerComposer.claimSentence(c, false, new AnswerComposer.Cites());
        assertThat(s).isEqualTo("The White House did not respond to a Reuters request for comment [1].");
        StoredClaim withWords = new StoredClaim(1, 1, "u", "h", null, null, 7L, "White House", "ORGANIZATION",
                "The White House", "responded", "respond", " has so far not responded to ", "a Reuters request",
                50, 79, "INDIRECT", "NO_RESPONSE", null, null, null, null, null, null, List.of(), 0.5);
        assertThat(AnswerComposer.claimSentence(withWords, false, new AnswerComposer.Cites()))
                .isEqualTo("The White House has so far not responded to a Reuters request [1].");
    }

    @Test
    void emptyishQuestionsAreNotAnswered() {
        assertThat(ask.ask("?").answered()).isFalse();
        assertThat(ask.ask("who said it?").answered()).isFalse();
    }

    private static void relatedAreAnswered(AskAnswer a) {
        assertThat(a.relatedQuestions()).hasSizeBetween(3, 6);
        for (String r : a.relatedQuestions()) {
            AskAnswer ra = ask.ask(r);
            assertThat(ra.answered()).as(r).isTrue();
            assertThat(ra.citations()).as(r).isNotEmpty();
            Grounding.assertGrounded(ra);
        }
    }

    static AskAnswer print(AskAnswer a) {
        System.out.println("Q: " + a.question() + " (" + a.type() + ")");
        System.out.println("A: " + a.answer());
        a.citations().forEach(c -> System.out.println("  [" + c.n() + "] " + c.speaker() + " / " + c.stance() + " / "
                + c.recipient() + ": " + c.text()));
        System.out.println("  related: " + a.relatedQuestions());
        return a;
    }

    /** Checks that the prose is grounded: every sentence ends in markers that exist. */
    static final class Grounding {
        private static final Pattern MARKERS = Pattern.compile("((?:\\[\\d+\\])+)\\.(?:\\s|$)");

        static void assertGrounded(AskAnswer a) {
            String text = a.answer();
            assertThat(text).isNotBlank();
            assertThat(text).endsWith("].");
            Set<Integer> ns = new HashSet<>();
            a.citations().forEach(c -> ns.add(c.n()));
            Matcher m = MARKERS.matcher(text);
            int last = 0;
            while (m.find()) {
                String sentence = text.substring(last, m.end()).strip();
                assertThat(sentence).isNotBlank();
                Matcher n = Pattern.compile("\\[(\\d+)\\]").matcher(m.group(1));
                while (n.find()) {
                    assertThat(ns).contains(Integer.parseInt(n.group(1)));
                }
                last = m.end();
            }
            assertThat(last).as("text after the last cited sentence").isEqualTo(text.length());
            // every claim sentence: its words come from cited records or a small fixed vocabulary
            Set<String> allowed = new HashSet<>(List.of("stored", "accounts", "account", "differ", "asserts",
                    "assert", "denies", "deny", "neither", "confirms", "confirm", "nor", "declines", "decline",
                    "to", "comment", "did", "not", "respond", "takes", "take", "no", "clear", "stance", "that", "the",
                    "is", "described", "as", "and", "time", "given", "according", "on", "in", "a", "report",
                    "states", "declined", "person", "organisation", "place", "an", "at"));
            for (AskAnswer.Citation c : a.citations()) {
                for (String f : new String[] {c.text(), c.speaker(), c.cue(), c.attribution(), c.recipient(), c.time()}) {
                    allowed.addAll(Text.words(f));
                }
            }
            a.entities().forEach(e -> allowed.addAll(Text.words(e.name())));
            a.entities().forEach(e -> e.titles().forEach(t -> allowed.addAll(Text.words(t))));
            for (String w : Text.words(text.replaceAll("\\[\\d+\\]", ""))) {
                if (w.matches("\\d+")) {
                    continue;
                }
                assertThat(allowed).as("unsupported word in: " + text).contains(w);
            }
        }
    }
}
