package org.claimwire.query.ask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwire.query.text.Text;
import org.claimwire.query.text.Lexicon;
import org.claimwire.query.text.Names;

/**
 * Understands a question: finds the stored entities it names (longest phrases first, matched against stored
 * names, aliases and titles, so "the Kremlin spokesman" finds the person given that title), decides its type
 * from the leading words, and keeps the remaining content words as key terms.
 */
public final class QuestionParser {
    private static final int MAX_NGRAM = 6;
    private static final Set<String> AUX = Set.of("did", "does", "do", "is", "are", "was", "were", "has", "have",
            "had", "will", "would", "can", "could", "should", "may", "might");
    private static final Set<String> BE = Set.of("is", "are", "was", "were");
    private static final Set<String> SAY_VERBS = Set.of("say", "said", "says", "tell", "told", "tells", "claim",
            "claimed", "state", "stated", "think", "thinks", "thought", "report", "reported", "reports", "deny",
            "denied", "denies", "confirm", "confirmed", "confirms", "promise", "promised", "announce", "announced",
            "note", "noted", "add", "added", "stress", "stressed", "explain", "explained", "suggest", "suggested");
    private static final Set<String> TELL = Set.of("tell", "told", "tells");
    /**
     * Stance intent: the verb of the question (by lemma) and the stances of the claims that answer it. "Who declined
     * to comment on the pact?" wants the claims that decline, about the pact; the verb itself is no topic word. A
     * rejection is a denial ("rejected a U.K. suggestion" is stored as DENIES). A confirmation is an assertion; "confirm"
     * also stays a topic word, so that a confirming cue or word ranks above any other assertion.
     */
    private static final java.util.Map<String, List<String>> STANCE_INTENT = java.util.Map.of(
            "deny", List.of("DENIES"),
            "reject", List.of("DENIES"),
            "dismiss", List.of("DENIES"),
            "decline", List.of("DECLINES_TO_COMMENT"),
            "refuse", List.of("DECLINES_TO_COMMENT"),
            "confirm", List.of("ASSERTS"));
    /** Words that only complete a stance intent ("declined to comment", "did not respond"). */
    private static final Set<String> INTENT_FILLERS = Set.of("comment", "comments", "say", "elaborate", "respond",
            "responded", "reply", "replied", "answer");
    private static final Set<String> ABOUT_WORDS = Set.of("about", "on", "regarding", "concerning", "of");

    private final ClaimIndex index;

    public QuestionParser(ClaimIndex index) {
        this.index = index;
    }

    private record Match(int from, int to, StoredEntity entity, String phrase, List<StoredEntity> same) {
    }

    /** How a stored entity goes by a phrase of the question. */
    enum By { NAME, SURNAME, TITLE }

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an");

    public Question parse(String text) {
        List<String> words = Text.words(text);
        Question.Type type = typeOf(words);
        // Where the question writes names with capitals, a word written in small letters is no name ("trade").
        List<String> written = Text.wordsAsWritten(text);
        boolean capitalsForNames = written.size() == words.size()
                && written.stream().skip(1).anyMatch(w -> Character.isUpperCase(w.charAt(0)));

        // 1. Every n-gram that neither starts nor ends with a stopword is a candidate entity phrase.
        Set<String> phrases = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            for (int n = 1; n <= MAX_NGRAM && i + n <= words.size(); n++) {
                String first = words.get(i);
                String last = words.get(i + n - 1);
                if (Lexicon.isStopword(first) || Lexicon.isStopword(last)) {
                    continue;
                }
                phrases.add(String.join(" ", words.subList(i, i + n)));
            }
        }
        Map<String, List<StoredEntity>> hits = phrases.isEmpty() ? Map.of() : index.entitiesByPhrase(phrases);

        // 2. Longest matches first, no overlaps.
        List<Match> candidates = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            for (int n = 1; n <= MAX_NGRAM && i + n <= words.size(); n++) {
                String p = String.join(" ", words.subList(i, i + n));
                boolean small = capitalsForNames && n == 1 && written.get(i).equals(words.get(i));
                List<StoredEntity> es = small ? List.of() : namingEntities(hits.get(p), p, i == 0 ? null : words.get(i - 1));
                if (!es.isEmpty()) {
                    StoredEntity best = best(es, p);
                    List<StoredEntity> same = es.stream().filter(e -> e.id() != best.id()
                            && java.util.Objects.equals(e.type(), best.type()) && matchedBy(e, p) == By.NAME).toList();
                    candidates.add(new Match(i, i + n, best, p, same));
                }
            }
        }
        candidates.sort(Comparator.comparingInt((Match m) -> m.to() - m.from()).reversed()
                .thenComparingInt(Match::from));
        boolean[] used = new boolean[words.size()];
        List<Match> chosen = new ArrayList<>();
        for (Match m : candidates) {
            boolean free = true;
            for (int k = m.from(); k < m.to(); k++) {
                free &= !used[k];
            }
            if (free && chosen.stream().noneMatch(c -> c.entity().id() == m.entity().id())) {
                for (int k = m.from(); k < m.to(); k++) {
                    used[k] = true;
                }
                chosen.add(m);
            }
        }
        chosen.sort(Comparator.comparingInt(Match::from));

        // 3. Roles.
        List<Question.Named> named = new ArrayList<>();
        int sayAt = -1;
        for (int i = 0; i < words.size(); i++) {
            if (!used[i] && SAY_VERBS.contains(words.get(i))) {
                sayAt = i;
                break;
            }
        }
        int aboutAt = -1;
        for (int i = Math.max(0, sayAt); i < words.size(); i++) {
            if (!used[i] && ABOUT_WORDS.contains(words.get(i)) && i > sayAt) {
                aboutAt = i;
                break;
            }
        }
        for (Match m : chosen) {
            Question.Role role = Question.Role.TOPIC;
            if (type == Question.Type.WHAT_SAID) {
                if (sayAt >= 0 && m.to() <= sayAt) {
                    role = Question.Role.SPEAKER;
                } else if (sayAt >= 0 && TELL.contains(words.get(sayAt)) && m.from() == sayAt + 1) {
                    role = Question.Role.RECIPIENT;
                } else {
                    role = Question.Role.ABOUT;
                }
            } else if (type == Question.Type.WHO_SAID && sayAt >= 0 && TELL.contains(words.get(sayAt))
                    && m.from() == sayAt + 1 && (aboutAt < 0 || m.from() < aboutAt)) {
                role = Question.Role.RECIPIENT;
            }
            named.add(new Question.Named(m.entity(), m.phrase(), role, m.same()));
        }

        // 4. Stance intent: "denied", "declined to comment", "refused", "confirmed", "did not respond".
        List<String> stances = new ArrayList<>();
        boolean negatedRespond = false;
        for (int i = 0; i < words.size(); i++) {
            String lemma = Lexicon.lemma(words.get(i));
            if (!used[i] && STANCE_INTENT.containsKey(lemma) && type != Question.Type.WHO_IS) {
                stances.addAll(STANCE_INTENT.get(lemma));
            }
            if (!used[i] && Set.of("respond", "reply", "comment", "answer").contains(lemma) && i > 0
                    && Set.of("not", "never", "no", "n't").contains(words.get(i - 1))) {
                negatedRespond = true;
            }
        }
        if (negatedRespond) {
            stances.add("NO_RESPONSE");
            stances.add("DECLINES_TO_COMMENT");
        }
        boolean intent = !stances.isEmpty();

        // 5. Topic words: the rest, minus question words, stopwords and the words of the stance intent.
        List<String> terms = new ArrayList<>();
        java.util.Map<String, String> contexts = new java.util.HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (used[i] || Lexicon.isStopword(w) || w.length() <= 1 || SAY_VERBS.contains(w) || terms.contains(w)) {
                continue;
            }
            if (intent && (STANCE_INTENT.containsKey(Lexicon.lemma(w)) || INTENT_FILLERS.contains(w))) {
                continue;
            }
            if (type == Question.Type.HOW_MANY && i == 1) {
                continue; // "how many": "many"/"much" is the question word
            }
            terms.add(w);
            if (i > 0) {
                contexts.put(w, words.get(i - 1));
            }
        }
        // "Did Peskov promise ...", "Who confirmed ...": the reporting verb is a topic word unless it is the intent.
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String lemma = Lexicon.lemma(w);
            boolean topical = lemma.equals("confirm") || (!intent && Set.of("deny", "promise").contains(lemma));
            if (!used[i] && SAY_VERBS.contains(w) && !Lexicon.isStopword(w) && !terms.contains(w) && topical) {
                terms.add(w);
            }
        }
        // "Who is the king of France?" asks for a role, not for the entity it names: a question about claims.
        if (type == Question.Type.WHO_IS && !terms.isEmpty()) {
            type = Question.Type.GENERAL;
        }
        if (type == Question.Type.WHAT_SAID && named.stream().noneMatch(n -> n.role() == Question.Role.SPEAKER)) {
            type = Question.Type.GENERAL;
            named = named.stream().map(n -> new Question.Named(n.entity(), n.matched(), Question.Role.TOPIC, n.same()))
                    .toList();
        }
        return new Question(text == null ? "" : text.strip(), type, List.copyOf(named), List.copyOf(terms),
                stances.stream().distinct().toList(), contexts);
    }

    /**
     * The entities a phrase of the question really names. A single word that is only someone's title ("secretary",
     * "partners") names no one: a title identifies a person only with its qualifier ("the Kremlin spokesman"). A
     * single word after an article that is only someone's surname ("the king") is a common noun, not a name.
     */
    static List<StoredEntity> namingEntities(List<StoredEntity> es, String phrase, String before) {
        if (es == null || es.isEmpty()) {
            return List.of();
        }
        if (phrase.indexOf(' ') >= 0) {
            return es;
        }
        return es.stream().filter(e -> switch (matchedBy(e, phrase)) {
            case NAME -> true;
            case TITLE -> false;
            case SURNAME -> before == null || !DETERMINERS.contains(before);
        }).toList();
    }

    static By matchedBy(StoredEntity e, String phrase) {
        if (Names.normalise(e.name()).equals(phrase) || e.aliases().stream().anyMatch(a -> Names.normalise(a).equals(phrase))) {
            return By.NAME;
        }
        if (e.titles().stream().anyMatch(t -> Names.normalise(t).equals(phrase))) {
            return By.TITLE;
        }
        return By.SURNAME;
    }

    private static StoredEntity best(List<StoredEntity> es, String phrase) {
        return es.stream().max(Comparator.comparing((StoredEntity e) -> Names.normalise(e.name()).equals(phrase))
                .thenComparingLong(StoredEntity::mentionCount).thenComparing(e -> -e.id())).orElseThrow();
    }

    static Question.Type typeOf(List<String> w) {
        if (w.isEmpty()) {
            return Question.Type.GENERAL;
        }
        String a = w.get(0);
        String b = w.size() > 1 ? w.get(1) : "";
        if (a.equals("when") || (a.equals("what") && (b.equals("time") || b.equals("day") || b.equals("date")))) {
            return Question.Type.WHEN;
        }
        if (a.equals("how") && (b.equals("many") || b.equals("much"))) {
            return Question.Type.HOW_MANY;
        }
        if ((a.equals("who") || a.equals("what")) && BE.contains(b)) {
            return a.equals("who") || w.size() <= 4 ? Question.Type.WHO_IS : Question.Type.GENERAL;
        }
        if (a.equals("tell") && b.equals("me") && w.size() > 2 && w.get(2).equals("about")) {
            return Question.Type.WHO_IS;
        }
        if (a.equals("who") || (a.equals("which") && w.size() > 2)) {
            return Question.Type.WHO_SAID;
        }
        if (a.equals("what") && AUX.contains(b)) {
            for (int i = 2; i < w.size(); i++) {
                if (SAY_VERBS.contains(w.get(i))) {
                    return Question.Type.WHAT_SAID;
                }
            }
            return Question.Type.GENERAL;
        }
        if (AUX.contains(a) || a.equals("has") || a.equals("have")) {
            return Question.Type.YES_NO;
        }
        return Question.Type.GENERAL;
    }
}
