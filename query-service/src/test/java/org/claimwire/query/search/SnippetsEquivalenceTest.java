package org.claimwire.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The optimised {@link Snippets} gives exactly what the code it replaced gave ({@link ReferenceSnippets}, a verbatim
 * copy), on generated texts that mix ASCII words, digits, punctuation, apostrophes, hyphens, accented and non-Latin
 * letters, surrogate pairs, lone surrogates, the marker characters U+E000/U+E001 and {@code <>&"}, with lexeme sets
 * drawn from the stems of the text's words plus absent ones.
 */
class SnippetsEquivalenceTest {

    private static final String[] ENGLISH = ("the said says saying company companies company's plans planned planning "
            + "tariff tariffs rice running runs ran generous generously dying lying tying died lies skies sky spoke "
            + "spoken speak speaks Putin Kremlin U.S. o'neil well-known oil prices rose fell bank banks banking "
            + "market markets trade trading traded a an i I to of in and or it is was be by dry dye eye yes you "
            + "Reuters government officials minister ministers percent pct mln billion dlrs year years week").split(" ");
    private static final String[] OTHER = {"café", "naïve", "Zürich", "São", "Ægir", "straße", "ÉCOLE", "İstanbul",
            "ΣΑΣ", "ΑΣ", "Σίσυφος", "москва", "Путин", "北京", "東京都", "مرحبا", "שלום", "ﬁnance", "ǅemal", "K",
            "𝒜lpha", "x𝒜", "😀", "a😀b", "ᾼ", "ŉ", "ﬀ"};
    private static final String[] PUNCT = {" ", " ", " ", " ", "  ", "\n", "\t", ", ", ". ", "; ", " - ", "-", "'",
            "’", "(", ") ", "\"", " <", "> ", " & ", "&amp;", "<b>", "</b>", "\uE000", "\uE001", " … ", "…", "/",
            "\u00A0", "\u2028", "«", "»", "%", "$", "½", "²", "\uD800", "\uDC00", "\uFFFF", "\u0301", "_", "#"};

    @Test
    void givesExactlyWhatTheReplacedCodeGave() {
        Random r = new Random(20261127L);
        int cases = 25_000;
        int withMatches = 0;
        for (int t = 0; t < cases; t++) {
            int words = r.nextInt(t % 10 == 0 ? 400 : 80);
            StringBuilder sb = new StringBuilder();
            List<String> used = new ArrayList<>();
            for (int k = 0; k < words; k++) {
                String w = word(r);
                used.add(w);
                sb.append(w);
                if (r.nextInt(4) > 0) {
                    sb.append(PUNCT[r.nextInt(PUNCT.length)]);
                } else {
                    sb.append(' ');
                }
            }
            String text = sb.toString();
            if (r.nextInt(3) == 0) { // ends anywhere: inside a word, between the halves of a surrogate pair
                text = text.substring(0, r.nextInt(text.length() + 1));
            }
            String tree = querytree(r, used);
            String expected = ReferenceSnippets.snippetHtml(text, tree);
            String actual = Snippets.html(text, tree);
            assertThat(actual).as("html of %s with %s", text, tree).isEqualTo(expected);
            if (expected.contains("<mark>")) {
                withMatches++;
            }
            Set<String> lex = ReferenceSnippets.lexemes(tree);
            assertThat(Snippets.snippet(text, lex, '[', ']')).as("snippet of %s with %s", text, tree)
                    .isEqualTo(ReferenceSnippets.snippet(text, lex, '[', ']'));
            assertThat(Snippets.query(tree).html(text)).isEqualTo(expected);
        }
        assertThat(withMatches).isGreaterThan(cases / 2);
        assertThat(Snippets.html(null, "'x'")).isNull();
        assertThat(Snippets.html("", "'x'")).isEqualTo(ReferenceSnippets.snippetHtml("", "'x'"));
    }

    @Test
    void agreesWhenMoreThan63DistinctLexemesMatch() {
        // the 64th and later distinct lexemes share one bit: the order they are met in decides the windows
        Random r = new Random(7);
        for (int t = 0; t < 300; t++) {
            StringBuilder sb = new StringBuilder();
            StringBuilder tree = new StringBuilder();
            int n = 60 + r.nextInt(120);
            for (int k = 0; k < n; k++) {
                String w = "w" + Integer.toString(r.nextInt(150), 36) + "x";
                sb.append(w).append(r.nextInt(3) == 0 ? ", " : " ");
                if (r.nextInt(3) > 0) {
                    tree.append(tree.isEmpty() ? "" : " | ").append('\'').append(w).append('\'');
                }
            }
            String text = sb.toString();
            assertThat(Snippets.html(text, tree.toString())).isEqualTo(ReferenceSnippets.snippetHtml(text, tree.toString()));
        }
    }

    @Test
    void agreesAtEveryLengthAroundBlocksOf64Characters() {
        String base = "Tariffs rise\n𝒜lpha tariff é\uD835 \uDC9Cx said 12 tariffs-x café, said\uE000said tariff's &";
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 400) {
            sb.append(base);
        }
        String all = sb.toString();
        for (int len = 0; len <= all.length(); len++) {
            String text = all.substring(0, len);
            for (String tree : new String[] {"'tariff' & 'said'", "'alpha'", "T", "'x' | 'é'"}) {
                assertThat(Snippets.html(text, tree)).as("length %d, %s", len, tree)
                        .isEqualTo(ReferenceSnippets.snippetHtml(text, tree));
                assertThat(Snippets.words(text)).as("words, length %d", len)
                        .usingRecursiveComparison().isEqualTo(ReferenceSnippets.words(text));
            }
        }
    }

    private static String word(Random r) {
        int kind = r.nextInt(20);
        if (kind < 12) {
            String w = ENGLISH[r.nextInt(ENGLISH.length)];
            return switch (r.nextInt(6)) {
                case 0 -> w.toUpperCase(Locale.ROOT);
                case 1 -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
                default -> w;
            };
        }
        if (kind < 14) {
            return Integer.toString(r.nextInt(100_000));
        }
        if (kind < 17) {
            return OTHER[r.nextInt(OTHER.length)];
        }
        if (kind < 18) { // a word with a marker or a special character inside
            String w = ENGLISH[r.nextInt(ENGLISH.length)];
            int at = r.nextInt(w.length() + 1);
            String ins = new String[] {"\uE000", "\uE001", "&", "<", "'", "-", "\uD835", "\uDC9C", "é"}[r.nextInt(9)];
            return w.substring(0, at) + ins + w.substring(at);
        }
        StringBuilder sb = new StringBuilder(); // random code points
        int len = 1 + r.nextInt(8);
        for (int i = 0; i < len; i++) {
            int cp = switch (r.nextInt(5)) {
                case 0 -> 'a' + r.nextInt(26);
                case 1 -> 0xC0 + r.nextInt(0x180);
                case 2 -> 0x370 + r.nextInt(0x500);
                case 3 -> 0x1D400 + r.nextInt(0x300);
                default -> r.nextInt(0x3000);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** A querytree text of stems (and lower-cased forms) of some of the text's words, plus absent lexemes. */
    private static String querytree(Random r, List<String> used) {
        if (r.nextInt(25) == 0) {
            return r.nextBoolean() ? "T" : "";
        }
        Set<String> lex = new HashSet<>();
        int n = r.nextInt(6);
        for (int k = 0; k < n && !used.isEmpty(); k++) {
            String w = used.get(r.nextInt(used.size()));
            List<int[]> parts = ReferenceSnippets.words(w);
            if (parts.isEmpty()) {
                continue;
            }
            int[] p = parts.get(r.nextInt(parts.size()));
            String lower = w.substring(p[0], p[1]).toLowerCase(Locale.ROOT);
            lex.add(r.nextInt(4) == 0 ? lower : Snippets.stem(lower));
        }
        String[] absent = {"zebra", "o'neil", "u.s", "x", "ab", "ya", "\uFFFF", "y", "die", "lie", "σας", "ας"};
        for (int k = r.nextInt(3); k > 0; k--) {
            lex.add(absent[r.nextInt(absent.length)]);
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lex) {
            if (!sb.isEmpty()) {
                sb.append(r.nextBoolean() ? " & " : " | ");
            }
            sb.append('\'').append(l.replace("'", "''")).append('\'');
        }
        return sb.toString();
    }
}
