package org.claimwire.query.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimwire.query.text.Lexicon;

/**
 * Makes PostgreSQL's english full text lemma-aware for irregular verbs, which its Snowball stemmer leaves apart
 * ("spoken" stems to "spoken", "speak" to "speak"). At index time {@link #extras} lists the base forms of the
 * irregular forms a text contains (stored beside the text and indexed with it); at query time
 * {@link #rewrite} replaces irregular forms outside quotes by their base form. So "spoken" finds "speak",
 * "speaks", "spoke" and "spoken", and "said" finds "say" and "says". The irregular forms are
 * {@link Lexicon}'s.
 */
public final class Lemmas {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private Lemmas() {
    }

    /** The base form of an irregular form ("spoken" → "speak"), or null when the word is none. */
    public static String base(String word) {
        return Lexicon.irregularBase(word);
    }

    /** Space-separated base forms of the irregular forms in {@code text} (each once), or "" for none. */
    public static String extras(String... texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                String b = base(m.group());
                if (b != null) {
                    out.add(b);
                }
            }
        }
        return String.join(" ", out);
    }

    /** A websearch query with irregular forms outside double quotes replaced by their base form. */
    public static String rewrite(String q) {
        StringBuilder sb = new StringBuilder(q.length());
        boolean quoted = false;
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                sb.append(c);
                i++;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < q.length() && Character.isLetter(q.charAt(j))) {
                    j++;
                }
                String w = q.substring(i, j);
                String b = quoted || w.equalsIgnoreCase("or") ? null : base(w);
                sb.append(b != null ? b : w);
                i = j;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /**
     * Every form of the irregular words of {@code q} ("spoken" or "speak" → "speak or spoke or spoken") as a
     * websearch "or" query, so snippets mark the forms the stemmer does not relate; null when there are none.
     */
    public static String originalForms(String q) {
        Set<String> forms = new LinkedHashSet<>();
        Matcher m = WORD.matcher(q);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            String b = base(w);
            List<String> all = Lexicon.inflections(b == null ? w : b);
            if (all.size() > 1) {
                forms.addAll(all);
            }
        }
        return forms.isEmpty() ? null : String.join(" or ", forms);
    }
}
