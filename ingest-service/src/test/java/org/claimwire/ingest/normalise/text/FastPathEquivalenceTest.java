package org.claimwire.ingest.normalise.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import java.util.regex.Pattern;
import org.claimwire.ingest.normalise.FastPathLanguageDetector;
import org.claimwire.ingest.normalise.LanguageDetector;
import org.junit.jupiter.api.Test;

/**
 * The single-pass cleanup that replaced the regular expressions gives exactly what they gave: checked
 * against the former implementations on random text mixing ASCII, whitespace of every kind, control
 * characters, Latin-1, combining marks and surrogates.
 */
class FastPathEquivalenceTest {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern HSPACES = Pattern.compile("[ \\t]+");
    private static final String ALPHABET = "aaaaabcdeXYZ019.,;:!?\"'()<>-     \t\t\n\n\r\u000B\f\u0000\u0007\u001B\u007F\u0085"
            + "\u00A0\u00E9\u00FC\u00DF\u0301\u0308\u2028\u2029\u200B\u202F\u2019\u201C\u2014\uFEFF\uFFFE\uD83D\uDE00\uD800";

    static String formerCleanLine(String s) {
        String c = TextSanitiser.clean(s);
        if (c == null) {
            return null;
        }
        String r = SPACES.matcher(c).replaceAll(" ").trim();
        return r.isEmpty() ? null : r;
    }

    static String formerCleanBlock(String s) {
        String c = TextSanitiser.clean(s);
        if (c == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(c.length());
        for (String line : c.split("\n")) {
            String t = HSPACES.matcher(line).replaceAll(" ").trim();
            if (!t.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(t);
            }
        }
        return out.toString();
    }

    @Test
    void cleanupMatchesTheFormerRegexImplementation() {
        Random rnd = new Random(42);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(60);
            boolean ascii = rnd.nextInt(3) == 0;
            for (int i = 0; i < len; i++) {
                char c = ALPHABET.charAt(rnd.nextInt(ascii ? 33 : ALPHABET.length()));
                sb.append(c);
            }
            String s = sb.toString();
            assertThat(TextSanitiser.cleanLine(s)).as("cleanLine of %s", escape(s)).isEqualTo(formerCleanLine(s));
            assertThat(TextSanitiser.cleanBlock(s)).as("cleanBlock of %s", escape(s)).isEqualTo(formerCleanBlock(s));
            if (ascii) { // the content hash skips NFKC for ASCII: NFKC leaves ASCII as it is
                assertThat(Normalizer.normalize(s, Normalizer.Form.NFKC)).isEqualTo(s);
            }
        }
    }

    @Test
    void plainAsciiIsLeftAsItIs() {
        String s = "Plain wire copy,\twith a tab\nand two lines.";
        assertThat(TextSanitiser.clean(s)).isSameAs(s);
        assertThat(TextSanitiser.clean("with a CR\r\nline")).isEqualTo("with a CR\nline");
        assertThat(TextSanitiser.clean("bell\u0007")).isEqualTo("bell");
    }

    @Test
    void numberTablesSkipTheSlowDetector() {
        LanguageDetector failing = text -> {
            throw new AssertionError("the fallback must not be asked about " + text);
        };
        FastPathLanguageDetector d = new FastPathLanguageDetector(failing);
        assertThat(d.detect("BROWN-FORMAN INC <BFD> 4TH QTR NET\nShr one dlr vs 73 cts\nNet 807,000 vs 2,858,000\n"
                + "Revs 7,075,000 vs 2,330,000")).isNull();
        String[] asked = new String[1];
        FastPathLanguageDetector prose = new FastPathLanguageDetector(text -> {
            asked[0] = text;
            return "sv";
        });
        assertThat(prose.detect("Regeringen meddelade i dag att skatten på bensin sänks från första juli, "
                + "efter flera månader av stigande priser vid pumparna runt om i landet.")).isEqualTo("sv");
        assertThat(asked[0]).isNotNull();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
