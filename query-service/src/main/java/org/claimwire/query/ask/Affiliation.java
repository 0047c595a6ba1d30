package org.claimwire.query.ask;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwire.query.text.Lexicon;
import org.claimwire.query.text.Text;

/**
 * The organisation a person's title places them in, read from the cited sentences: an organisation named inside the
 * title ("Federal Reserve Board chairman", "senior Citibank executive") or right after it ("chairman of King World
 * Productions Inc", "economist at Berliner Handels- und Frankfurter Bank"). Only stored organisations count, named
 * by their own name or alias; a nationality ("West German Finance Minister") is no organisation.
 */
final class Affiliation {
    private static final int MAX_WORDS = 6;
    private static final Set<String> LINKS = Set.of("of", "at", "for", "with", "from");

    private Affiliation() {
    }

    /** The organisation, with the evidence it was read from; null when the sentences name none. */
    record Found(StoredEntity organisation, TitleEvidence evidence) {
    }

    static Found of(StoredEntity person, List<TitleEvidence> evidence, ClaimIndex index) {
        if (!"PERSON".equals(person.type()) || evidence.isEmpty()) {
            return null;
        }
        // phrase → the evidence it was read from, in order of preference (inside the title, then after it)
        Map<String, TitleEvidence> phrases = new LinkedHashMap<>();
        for (TitleEvidence e : evidence) {
            ngrams(Text.words(e.title()), phrases, e);
            List<String> sentence = Text.words(e.text());
            int at = indexOf(sentence, Text.words(e.title()));
            if (at >= 0) {
                int after = at + Text.words(e.title()).size();
                if (after < sentence.size() && LINKS.contains(sentence.get(after))) {
                    List<String> next = sentence.subList(after + 1, Math.min(sentence.size(), after + 1 + MAX_WORDS));
                    prefixes(next, phrases, e);
                }
            }
        }
        if (phrases.isEmpty()) {
            return null;
        }
        Map<String, List<StoredEntity>> hits = index.entitiesByPhrase(phrases.keySet());
        // the most mentioned organisation named there: "Senate" over a one-off "Senate Majority" from "Senate
        // Majority Leader"; for the same count the longer name
        Found best = null;
        long bestMentions = -1;
        int bestLength = 0;
        for (Map.Entry<String, TitleEvidence> p : phrases.entrySet()) {
            int length = p.getKey().split(" ").length;
            for (StoredEntity o : hits.getOrDefault(p.getKey(), List.of())) {
                if (!"ORGANIZATION".equals(o.type()) || o.id() == person.id()
                        || QuestionParser.matchedBy(o, p.getKey()) != QuestionParser.By.NAME) {
                    continue;
                }
                if (o.mentionCount() > bestMentions || (o.mentionCount() == bestMentions && length > bestLength)) {
                    best = new Found(o, p.getValue());
                    bestMentions = o.mentionCount();
                    bestLength = length;
                }
            }
        }
        return best;
    }

    private static void ngrams(List<String> words, Map<String, TitleEvidence> out, TitleEvidence e) {
        for (int i = 0; i < words.size(); i++) {
            for (int n = 1; n <= MAX_WORDS && i + n <= words.size(); n++) {
                add(words.subList(i, i + n), out, e);
            }
        }
    }

    private static void prefixes(List<String> words, Map<String, TitleEvidence> out, TitleEvidence e) {
        int from = !words.isEmpty() && words.get(0).equals("the") ? 1 : 0;
        for (int n = 1; from + n <= words.size(); n++) {
            add(words.subList(from, from + n), out, e);
        }
    }

    private static void add(List<String> phrase, Map<String, TitleEvidence> out, TitleEvidence e) {
        if (Lexicon.isStopword(phrase.get(0)) || Lexicon.isStopword(phrase.get(phrase.size() - 1))) {
            return;
        }
        out.putIfAbsent(String.join(" ", phrase), e);
    }

    private static int indexOf(List<String> words, List<String> phrase) {
        if (phrase.isEmpty()) {
            return -1;
        }
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                return i;
            }
        }
        return -1;
    }
}
