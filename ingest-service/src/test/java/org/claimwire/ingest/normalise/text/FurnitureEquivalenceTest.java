package org.claimwire.ingest.normalise.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Furniture#strip} on line offsets gives exactly what the former split/remove/join version gave, on
 * random bodies of long lines, short sub-headings, interface lines, blank lines, odd whitespace and control
 * characters.
 */
class FurnitureEquivalenceTest {

    /** The former implementation, kept here as the reference. */
    static String formerStrip(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        lines.removeIf(String::isBlank);
        while (!lines.isEmpty() && Furniture.isShortUnpunctuated(lines.get(lines.size() - 1)) && lines.size() > 1) {
            lines.remove(lines.size() - 1);
        }
        while (lines.size() > 1 && Furniture.isShortUnpunctuated(lines.get(0)) && Furniture.looksLikeInterface(lines.get(0))) {
            lines.remove(0);
        }
        lines.removeIf(l -> lines.size() > 1 && Furniture.isShortUnpunctuated(l) && Furniture.looksLikeInterface(l));
        return String.join("\n", lines).trim();
    }

    private static final String[] PIECES = {
        "The minister said on Tuesday that talks would resume next week in Geneva.",
        "Shares rose 3 pct to 42 dlrs in heavy trading, dealers said.", "Share this", "Read more", "Ask me anything",
        "Explore related questions", "Sign up for our newsletter", "Advertisement", "Background", "Reuters",
        "Follow us on Twitter", "© 2024 All rights reserved", "Related stories", "He said:", "\"We deny it.\"",
        "Market talk (continued)", "WASHINGTON", "  ", "\t", "", "\u00a0", "\u2028", "\u0000", "\u000b", "\r", " \u0085 ",
        "one two three four five six", "one two three four five six seven", "Click here", "more", "7 min read",
    };

    @Test
    void stripMatchesTheFormerImplementation() {
        Random rnd = new Random(11);
        for (int k = 0; k < 30_000; k++) {
            StringBuilder sb = new StringBuilder();
            int lines = rnd.nextInt(12);
            for (int i = 0; i < lines; i++) {
                int parts = 1 + rnd.nextInt(3);
                for (int p = 0; p < parts; p++) {
                    sb.append(PIECES[rnd.nextInt(PIECES.length)]);
                    if (rnd.nextInt(4) == 0) {
                        sb.append(' ');
                    }
                }
                if (i < lines - 1 || rnd.nextBoolean()) {
                    sb.append('\n');
                }
            }
            String text = sb.toString();
            assertThat(Furniture.strip(text)).as("strip of [%s]", text.replace("\n", "\\n")).isEqualTo(formerStrip(text));
        }
    }

    @Test
    void sentenceEndCheckMatchesTheRegex() {
        java.util.regex.Pattern sentenceEnd = java.util.regex.Pattern.compile("[.!?;:\"\u201D\u2019\u00BB)]\\s*$");
        String alphabet = "ab .!?;:\"\u201D\u2019\u00BB)( \t\u000B\f\r\n\u0085\u2028\u2029\u00A0x";
        Random rnd = new Random(5);
        for (int k = 0; k < 50_000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + rnd.nextInt(8);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String t = sb.toString().trim();
            if (t.isEmpty()) {
                continue;
            }
            assertThat(Furniture.endsSentence(t, 0, t.length())).as("[%s]", t).isEqualTo(sentenceEnd.matcher(t).find());
        }
    }

    @Test
    void aStoryWithoutFurnitureComesBackTrimmedAndUncopied() {
        String story = "  MOSCOW, Jan 2 - The Kremlin said it could not confirm the call.\nPeskov declined to comment.\n";
        assertThat(Furniture.strip(story)).isEqualTo(story.trim());
        assertThat(Furniture.strip("Body line one is long enough to be a sentence.\nShare this\nRead more"))
                .isEqualTo("Body line one is long enough to be a sentence.");
    }
}
