package org.claimwire.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The language fast path's packed function-word lookup answers what the former substring + lower-case + map
 * lookup answered, for function words in any case, accented Latin-1 capitals, chars whose lower case is
 * special (Turkish dotted I, Kelvin sign, Greek), and long words.
 */
class FastPathWordLookupTest {
    private static final String[] WORDS = {"the", "THE", "The", "und", "für", "FÜR", "été", "ÉTÉ", "não", "NÃO", "más",
        "também", "TAMBÉM", "het", "della", "which", "WHICH", "said", "thé", "i", "İn", "\u212Aook", "OO\u212A", "ο", "Σ",
        "a", "é", "È", "wordt", "heeft", "nachrichten", "international", "ab", "x", "µ", "ÿ", "ß", "SS", "Ö", "der"};

    @Test
    void packedLookupMatchesTheFormerMapLookup() {
        Random rnd = new Random(3);
        for (String w : WORDS) {
            assertThat(FastPathLanguageDetector.languagesOf(w, 0, w.length())).as(w)
                    .isEqualTo(FastPathLanguageDetector.languagesOfByMap(w));
        }
        String letters = "theTHEundÜüéÉãÃßİ\u212AΣσabcxyzµÿ";
        for (int k = 0; k < 100_000; k++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextBoolean()) {
                sb.append(WORDS[rnd.nextInt(WORDS.length)]);
            }
            int n = rnd.nextInt(rnd.nextBoolean() ? 3 : 9);
            for (int i = 0; i < n; i++) {
                sb.append(letters.charAt(rnd.nextInt(letters.length())));
            }
            String w = sb.toString();
            if (w.isEmpty()) {
                continue;
            }
            assertThat(FastPathLanguageDetector.languagesOf(w, 0, w.length())).as(w)
                    .isEqualTo(FastPathLanguageDetector.languagesOfByMap(w));
        }
    }

    @Test
    void englishAndGermanAreStillTold() {
        assertThat(FastPathLanguageDetector.guess("The minister said that the talks with the unions would resume "
                + "on Monday and that he was confident of an agreement by the end of the week.")).isEqualTo("en");
        assertThat(FastPathLanguageDetector.guess("Der Minister sagte, dass die Gespräche mit den Gewerkschaften am "
                + "Montag wieder aufgenommen werden und er sei sich sicher, dass es eine Einigung gibt.")).isEqualTo("de");
    }
}
