package org.claimwire.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The query lexemes below are what PostgreSQL 14 returns for {@code querytree(websearch_to_tsquery('english', q)
 * || websearch_to_tsquery('english', coalesce(Lemmas.originalForms(q), '')))}, and the expected marks are the
 * words its {@code ts_headline('english', ...)} marks in the same texts (checked with psql on 2026-11-26).
 */
class SnippetsTest {

    private static String mark(String text, String querytree) {
        return Snippets.snippet(text, Snippets.lexemes(querytree), '[', ']');
    }

    @Test
    void parsesTheLexemesOfAQuerytree() {
        assertThat(Snippets.lexemes("'concret' <-> 'plan' | 'speak'")).containsExactlyInAnyOrder("concret", "plan", "speak");
        assertThat(Snippets.lexemes("'o''neil' & 'u.s'")).containsExactlyInAnyOrder("o'neil", "u.s");
        assertThat(Snippets.lexemes("T")).isEmpty();
        assertThat(Snippets.lexemes("")).isEmpty();
        assertThat(Snippets.lexemes(null)).isEmpty();
    }

    @Test
    void marksIrregularFormsThroughTheLemmaLexemes() {
        // q = "speak": 'speak' | 'speak' | 'spoke' | 'spoken'; ts_headline marks "spoken" and "speaks"
        String qt = "'speak' | ( 'speak' | 'spoke' | 'spoken' )";
        assertThat(mark("Kremlin officials have spoken to reporters and he speaks often.", qt))
                .isEqualTo("Kremlin officials have [spoken] to reporters and he [speaks] often.");
        // q = "said": rewritten to "say"; 'say' | 'said' | 'say' — "says", "said" and "saying" are marked
        assertThat(mark("He said so; she says no, saying nothing.", "'say' | ( 'say' | 'said' )"))
                .isEqualTo("He [said] so; she [says] no, [saying] nothing.");
    }

    @Test
    void marksWhatTheSnowballStemmerRelatesAndNothingElse() {
        // q = "companies plastic": 'compani' & 'plastic'
        assertThat(mark("Plastics companies and a company's plastic bags; compact plans.", "'compani' & 'plastic'"))
                .isEqualTo("[Plastics] [companies] and a [company]'s [plastic] bags; compact plans.");
        // q = "running generously": 'run' & 'generous'
        assertThat(mark("He runs and ran; running is generous, given generously.", "'run' & 'generous'"))
                .isEqualTo("He [runs] and ran; [running] is [generous], given [generously].");
        // q = "die lie sky": 'die' & 'lie' & 'sky' — the words whose stem does not start with their first two letters
        assertThat(mark("He is dying; they died, lying on skies early.", "'die' & 'lie' & 'sky'"))
                .isEqualTo("He is [dying]; they [died], [lying] on [skies] early.");
        // stop words never reach the lexemes: q = "the plan -concrete" gives 'plan' (querytree drops the NOT);
        // unlike ts_headline, which also marks the excluded "concrete", a word the query excludes is not marked
        assertThat(mark("The plan is not concrete.", "'plan'")).isEqualTo("The [plan] is not concrete.");
    }

    @Test
    void picksUpToTwoWindowsAroundTheBestMatchesInTextOrder() {
        StringBuilder text = new StringBuilder("Headline about nothing\n");
        for (int i = 0; i < 40; i++) {
            text.append("filler").append(i).append(' ');
        }
        text.append("the first tariff here. ");
        for (int i = 40; i < 80; i++) {
            text.append("filler").append(i).append(' ');
        }
        text.append("tariffs and rice together. ");
        for (int i = 80; i < 120; i++) {
            text.append("filler").append(i).append(' ');
        }
        String s = mark(text.toString(), "'tariff' & 'rice'");
        String[] parts = s.split(" … ");
        assertThat(parts).hasSize(2);
        // the window with both lexemes is chosen first, but fragments are shown in text order
        assertThat(parts[0]).contains("[tariff]").doesNotContain("rice");
        assertThat(parts[1]).contains("[tariffs] and [rice]");
        for (String p : parts) {
            assertThat(Snippets.words(p)).hasSizeLessThanOrEqualTo(Snippets.MAX_WORDS);
            assertThat(p).startsWith("filler"); // a few words of context before the first match
        }
        assertThat(s).doesNotContain("Headline");
    }

    @Test
    void withoutAMatchShowsTheFirstWords() {
        String s = mark("One two three four five six seven eight nine ten eleven twelve", "'zebra'");
        assertThat(s).isEqualTo("One two three four five six seven eight nine ten");
        assertThat(mark("Short text.", "T")).isEqualTo("Short text.");
        assertThat(mark("", "'x'")).isEmpty();
        assertThat(mark(null, "'x'")).isNull();
    }

    @Test
    void htmlIsEscapedAndMarkerCharactersInTheTextCannotForgeMarks() {
        String html = Snippets.html("Tariffs <b>rise</b> & \uE000fall\uE001", "'tariff'");
        assertThat(html).isEqualTo("<mark>Tariffs</mark> &lt;b&gt;rise&lt;/b&gt; &amp; fall");
        assertThat(Snippets.snippet("a tariff", Set.of("tariff"), Snippets.START, Snippets.STOP))
                .isEqualTo("a \uE000tariff\uE001");
    }
}
