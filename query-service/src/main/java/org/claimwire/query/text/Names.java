package org.claimwire.query.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one name normaliser of query-service: stored names ({@code name_norm}), entity resolution, the entity search, the
 * {@code ?speaker=Peskov} filters and ask's look-up of the names in a question all use it.
 */
public final class Names {
    /** The dot after a single letter ("U.S.", "J."): dropped, so an initialism is one word. */
    static final Pattern INITIAL_DOT = Pattern.compile("(?<=\\b\\p{L})\\.");
    private static final Set<String> LEADING = Set.of("the");
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr", "sir", "dame", "prof");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

    private Names() {
    }

    /**
     * Lower case, accents and punctuation removed, curly apostrophes unified, whitespace collapsed, a leading
     * "the" dropped: "The Kremlin" → "kremlin", "Zelenskyy’s" is left alone apart from the apostrophe.
     */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
        s = s.replaceAll("'s\\b", "");
        s = INITIAL_DOT.matcher(s).replaceAll(""); // U.S. -> us, J. -> j
        s = s.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        List<String> tokens = new ArrayList<>(List.of(s.isEmpty() ? new String[0] : s.split(" ")));
        if (tokens.size() > 1 && LEADING.contains(tokens.get(0))) {
            tokens.remove(0);
        }
        return String.join(" ", tokens);
    }

    /** The tokens of a person's name without honorifics and generational suffixes. */
    public static List<String> personTokens(String name) {
        List<String> tokens = new ArrayList<>();
        for (String t : normalise(name).split(" ")) {
            if (!t.isEmpty() && !HONORIFICS.contains(t)) {
                tokens.add(t);
            }
        }
        while (tokens.size() > 1 && SUFFIXES.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        return tokens;
    }

    /** The normalised last name of a person ("Donald J. Trump Jr." → "trump"), or "" for an empty name. */
    public static String surname(String name) {
        List<String> tokens = personTokens(name);
        return tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
    }

    /** A person named by one token only ("Peskov"). */
    public static boolean isBareSurname(String name) {
        return personTokens(name).size() == 1;
    }

    /** The normalised full name used as the identity of a person ("Mr. Donald Trump" → "donald trump"). */
    public static String personKey(String name) {
        return String.join(" ", personTokens(name));
    }
}
