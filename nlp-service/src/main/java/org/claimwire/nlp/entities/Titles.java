package org.claimwire.nlp.entities;

import java.util.Locale;
import java.util.Set;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;

/** Role nouns and title phrases ("Kremlin spokesman", "U.S. president"). */
public final class Titles {
    static final Set<String> ROLES = WordList.load(Titles.class, "roles.txt");
    private static final Set<String> TIME_WORDS = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "today", "yesterday", "tomorrow", "week", "month", "year");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "his", "her", "its", "their", "our", "my", "this", "that");

    private Titles() {
    }

    /** "The U.S. President" and "the US president" both give "us president". */
    public static String normalise(String title) {
        String s = title.toLowerCase(Locale.ROOT).replace(".", "").replace('’', '\'').replaceAll("\\s+", " ").trim();
        while (true) {
            int sp = s.indexOf(' ');
            if (sp > 0 && DETERMINERS.contains(s.substring(0, sp))) {
                s = s.substring(sp + 1);
            } else {
                break;
            }
        }
        return s;
    }

    /** A noun that can head a title: in the role list, or a compound like "secretary-general", "spokesman". */
    public static boolean isRoleNoun(Token t) {
        if (!t.pos().startsWith("NN") || "ORGANIZATION".equals(t.ner()) || "LOCATION".equals(t.ner())) {
            return false;
        }
        String w = t.lower();
        String lemma = t.lemma().toLowerCase(Locale.ROOT);
        if (ROLES.contains(w) || ROLES.contains(lemma)) {
            return true;
        }
        int dash = w.lastIndexOf('-');
        if (dash > 0 && ROLES.contains(w.substring(dash + 1))) {
            return true;
        }
        return (w.endsWith("spokesman") || w.endsWith("spokeswoman") || w.endsWith("chairman"));
    }

    /** A token that can premodify a title head: adjectives, nouns, non-person names, possessive 's. */
    static boolean isModifier(Token t) {
        if (TIME_WORDS.contains(t.lower())) {
            return false;
        }
        String p = t.pos();
        if (p.equals("POS")) {
            return true;
        }
        if ("PERSON".equals(t.ner())) {
            return false;
        }
        return p.equals("JJ") || p.equals("NN") || p.equals("NNP") || p.equals("NNPS") || p.equals("HYPH");
    }

    /** Leftmost token index of the modifiers before {@code head} (at most 4 of them). */
    static int modifierStart(Sentence s, int head) {
        int start = head;
        while (start - 1 >= 0 && head - (start - 1) <= 4 && isModifier(s.token(start - 1))) {
            start--;
        }
        // a possessive needs its owner: "Russia 's foreign minister"
        if (start < head && s.token(start).pos().equals("POS")) {
            start++;
        }
        return start;
    }

    static boolean isDeterminer(Token t) {
        return t.pos().equals("DT") && (t.lower().equals("the"));
    }
}
