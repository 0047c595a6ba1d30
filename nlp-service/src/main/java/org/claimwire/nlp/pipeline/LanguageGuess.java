package org.claimwire.nlp.pipeline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A cheap language check on function words and scripts: good enough to keep English-only extraction
 * away from other languages. Returns an ISO 639-1 code, or "und" when undecidable.
 */
public final class LanguageGuess {
    private static final Map<String, Set<String>> STOPWORDS = new LinkedHashMap<>();

    static {
        STOPWORDS.put("en", Set.of("the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "he",
                "it", "as", "at", "by", "said", "from", "his", "have", "has", "are", "be", "not", "this", "an", "which",
                "were", "had", "they", "will", "would", "its", "their", "but", "who", "been"));
        STOPWORDS.put("de", Set.of("der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich",
                "des", "auf", "für", "von", "dem", "im", "auch", "es", "sie", "wird", "hat", "bei", "nach", "wie"));
        STOPWORDS.put("fr", Set.of("le", "la", "les", "de", "des", "et", "est", "un", "une", "du", "en", "que", "qui",
                "dans", "pour", "pas", "sur", "au", "il", "elle", "avec", "ce", "se", "sont", "a", "été"));
        STOPWORDS.put("es", Set.of("el", "la", "los", "las", "de", "y", "que", "en", "un", "una", "por", "con", "para",
                "es", "del", "se", "al", "lo", "como", "más", "pero", "sus", "su", "fue", "ha"));
        STOPWORDS.put("it", Set.of("il", "di", "che", "e", "la", "per", "un", "una", "non", "sono", "del", "della", "le",
                "gli", "con", "si", "nel", "alla", "ha", "è", "lo", "dei", "anche"));
        STOPWORDS.put("nl", Set.of("de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor",
                "met", "die", "aan", "er", "ook", "heeft", "werd", "wordt", "bij"));
        STOPWORDS.put("pt", Set.of("o", "os", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "um", "uma", "para",
                "com", "não", "por", "mais", "foi", "ao", "se", "na", "no"));
    }

    private LanguageGuess() {
    }

    public static String detect(String text) {
        int latin = 0;
        int cyr = 0;
        int cjk = 0;
        int arabic = 0;
        int greek = 0;
        int hebrew = 0;
        int kana = 0;
        int hangul = 0;
        int n = Math.min(text.length(), 20_000);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            Character.UnicodeScript sc = Character.UnicodeScript.of(c);
            switch (sc) {
                case LATIN -> latin++;
                case CYRILLIC -> cyr++;
                case HAN -> cjk++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case ARABIC -> arabic++;
                case GREEK -> greek++;
                case HEBREW -> hebrew++;
                default -> { }
            }
        }
        int letters = latin + cyr + cjk + arabic + greek + hebrew + kana + hangul;
        if (letters == 0) {
            return "und";
        }
        if (latin * 2 < letters) {
            int max = Math.max(Math.max(Math.max(cyr, cjk + kana), Math.max(arabic, greek)), Math.max(hebrew, hangul));
            if (max == cyr) {
                return "ru";
            }
            if (max == cjk + kana) {
                return kana > 0 ? "ja" : "zh";
            }
            if (max == arabic) {
                return "ar";
            }
            if (max == greek) {
                return "el";
            }
            if (max == hangul) {
                return "ko";
            }
            return "he";
        }
        String[] words = text.substring(0, n).toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        Map<String, Integer> hits = new LinkedHashMap<>();
        int total = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            total++;
            for (Map.Entry<String, Set<String>> e : STOPWORDS.entrySet()) {
                if (e.getValue().contains(w)) {
                    hits.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        if (total < 4) {
            return "und";
        }
        String best = "und";
        int bestHits = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > bestHits) {
                best = e.getKey();
                bestHits = e.getValue();
            }
        }
        // very short or stopword-free text (headlines, tables): undecided
        if (bestHits * 20 < total && total > 30) {
            return "und";
        }
        return best;
    }
}
