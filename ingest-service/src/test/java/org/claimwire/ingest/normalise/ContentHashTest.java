package org.claimwire.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    /**
     * The rule of {@link ContentHash}'s javadoc written as plainly as it reads, as an independent oracle for the
     * single pass (which skips NFKC for ASCII and folds while it collapses): NFKC, lower case, typographic single
     * quotes and primes to {@code '}, double quotes to {@code "}, dashes and minus to {@code -}, each run of
     * whitespace to one space, none at the ends.
     */
    static String byTheRule(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\u2018\u2019\u201A\u201B\u2032`]", "'")
                .replaceAll("[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]", "\"")
                .replaceAll("[\u2010-\u2015\u2212]", "-")
                .replaceAll("\\p{javaWhitespace}+", " ")
                .strip();
    }

    @Test
    void singlePassNormalisationFollowsTheRuleOnAsciiAndBeyond() {
        String alphabet = "aAzZmM09 .,`'\"-\t\n\r\u000B\f\u001C\u00C9\u00E9\u2019\u201C\u2014\uFB01\u00A0\u2003\u0130";
        Random rnd = new Random(7);
        for (int k = 0; k < 20_000; k++) {
            boolean ascii = rnd.nextBoolean();
            StringBuilder sb = new StringBuilder();
            for (int i = rnd.nextInt(50); i > 0; i--) {
                sb.append(alphabet.charAt(rnd.nextInt(ascii ? 21 : alphabet.length())));
            }
            String s = sb.toString();
            assertThat(ContentHash.normalise(s)).as("normalise(%s)", s).isEqualTo(byTheRule(s));
        }
    }

    @Test
    void copiesThatDifferOnlyInCaseQuotesDashesAndSpacingHashTheSame() {
        assertThat(ContentHash.of("Talks End", "He said \u201Cno\u201D \u2014 twice."))
                .isEqualTo(ContentHash.of("talks  end", "he said \"no\" - twice. "))
                .isNotEqualTo(ContentHash.of("Talks End", "He said yes - twice."));
    }
}
