package org.claimwire.query.ask;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwire.query.text.Lexicon;
import org.claimwire.query.text.Text;

/**
 * How well a claim covers a question's topic words, BM25-style: each topic word weighs its inverse document
 * frequency over the stored claims, a word counts where the claim's content has it (by lemma or synonym group,
 * in the same word sense) and half where only the story's headline has it; the score adds term saturation and
 * length normalisation (BM25, k1 = 1.2, b = 0.75) and the proximity of the matched words in the content.
 *
 * <p>Word sense: a word used as a noun in the question ("about trade with Japan", "open its markets") does not
 * match the same word used as a verb in a claim ("did not trade arms", "to market the instrument"), judged by the
 * word before each (a determiner, possessive or preposition before a noun; "to", an auxiliary, a negation or a
 * pronoun before a verb). Where either side gives no clear sign, the words match.
 */
final class Relevance {
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final Set<String> BEFORE_NOUN = Set.of("the", "a", "an", "its", "their", "his", "her", "our",
            "your", "my", "this", "these", "those", "of", "for", "on", "in", "about", "with", "into", "over", "any",
            "more", "less", "no", "free", "world", "foreign", "international", "bilateral");
    private static final Set<String> BEFORE_VERB = Set.of("to", "not", "n't", "did", "do", "does", "will", "would",
            "can", "could", "should", "may", "might", "must", "shall", "we", "they", "i", "you", "he", "she", "who",
            "never", "cannot");

    private static final Set<String> CONJUNCTIONS = Set.of("and", "or");
    /** Determiners that start the object of a verb ("market the instrument"); not "a", as in "Series A shares". */
    private static final Set<String> DETERMINERS = Set.of("the", "its", "their", "his", "her", "our", "this", "these",
            "those");

    enum Sense { NOUN, VERB, UNKNOWN }

    /**
     * A claim's fit: idf-weighted coverage of the topic words (0..1; whether the topic is there at all, a synonym
     * counting as the word), the same coverage with synonyms weighing {@link #SYNONYM_WEIGHT} (0..1; how well it is
     * there, for the ranking), normalised BM25 (0..1), proximity (0..1), and how many topic words neither its words
     * nor its cue or stance say.
     */
    record Match(double coverage, double exactness, double bm25, double proximity, int missing) {
    }

    /**
     * A word matched only through its synonym group ("deal" for "treaty") is weaker evidence than the word itself: it
     * ranks with this much of the word's weight.
     */
    static final double SYNONYM_WEIGHT = 0.6;

    private final List<String> terms;
    /** A question with a stance intent may be answered by a claim whose story headline names the topic. */
    private boolean headlineAlone;
    private final Map<String, Sense> questionSense = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final Map<String, Double> role = new HashMap<>();
    /** Word tokens of the texts seen (claim contents and headlines), tokenised once per question. */
    private final Map<String, List<String>> tokens = new HashMap<>();
    /** Lemma and synonym groups of each word seen, looked up once per question (claims repeat their words). */
    private final Map<String, Set<String>> senses = new HashMap<>();
    private final Map<String, String> lemmas = new HashMap<>();
    private final double avgLength;

    private Relevance(List<String> terms, double avgLength) {
        this.terms = terms;
        this.avgLength = avgLength;
    }

    static Relevance of(Question q, Collection<StoredClaim> pool, ClaimIndex index) {
        Map<String, List<String>> tokens = new HashMap<>();
        double total = 0;
        for (StoredClaim c : pool) {
            total += tokens.computeIfAbsent(c.content() == null ? "" : c.content(), Text::words).size();
        }
        Relevance r = new Relevance(q.terms(), pool.isEmpty() ? 1 : Math.max(1, total / pool.size()));
        r.tokens.putAll(tokens);
        r.headlineAlone = !q.stances().isEmpty();
        for (String t : q.terms()) {
            r.questionSense.put(t, senseAfter(q.contexts().get(t)));
            r.role.put(t, roleWeight(q, t));
        }
        if (q.terms().isEmpty()) {
            return r;
        }
        Map<String, Long> df = index.documentFrequencies(q.terms());
        long n = df.getOrDefault("", 0L);
        for (String t : q.terms()) {
            Long d = df.get(t);
            if (d == null || n <= 0) {
                // no counts from the index: estimate from the candidates
                long hits = pool.stream().filter(c -> !r.occurrences(t, r.words(c.content()), false).isEmpty()).count();
                d = hits;
                n = Math.max(n, pool.size());
            }
            long nn = Math.max(n, d);
            r.idf.put(t, Math.log(1 + (nn - d + 0.5) / (d + 0.5)));
        }
        return r;
    }

    Match match(StoredClaim c) {
        if (terms.isEmpty()) {
            return new Match(1.0, 1.0, 0, 0, 0);
        }
        List<String> content = words(c.content());
        List<String> headline = words(c.headline());
        double weightAll = 0;
        double covered = 0;
        double synonymDiscount = 0;
        double headlineOnly = 0;
        double bm25 = 0;
        double bm25Max = 0;
        int missing = 0;
        List<List<Integer>> positions = new ArrayList<>();
        for (String t : terms) {
            double w = Math.max(0.05, idf.getOrDefault(t, 1.0)) * role.getOrDefault(t, 1.0);
            weightAll += w;
            List<Integer> at = occurrences(t, content, false);
            if (!at.isEmpty()) {
                double ww = occurrences(t, content, true).isEmpty() ? SYNONYM_WEIGHT * w : w;
                covered += w;
                synonymDiscount += w - ww;
                positions.add(at);
                double tf = at.size();
                bm25 += ww * tf * (K1 + 1) / (tf + K1 * (1 - B + B * content.size() / avgLength));
            } else if (stanceSays(c, t)) {
                covered += w;
            } else {
                missing++;
                if (!occurrences(t, headline, false).isEmpty()) {
                    headlineOnly += 0.5 * w;
                }
            }
            bm25Max += w * (K1 + 1);
        }
        // the headline speaks for the whole story: it completes a claim's own words, it does not replace them
        if (covered > 0 || headlineAlone) {
            covered += headlineOnly;
        }
        return new Match(covered / weightAll, (covered - synonymDiscount) / weightAll, bm25Max == 0 ? 0 : bm25 / bm25Max,
                proximity(positions), missing);
    }

    private Set<String> sensesOf(String word) {
        return senses.computeIfAbsent(word, Lexicon::senses);
    }

    private String lemmaOf(String word) {
        return lemmas.computeIfAbsent(word, Lexicon::lemma);
    }

    private List<String> words(String text) {
        return tokens.computeIfAbsent(text == null ? "" : text, Text::words);
    }

    /**
     * How much a topic word stands for the topic: half for the unit a "how many" question counts in ("tonnes" in "how
     * many tonnes of wheat": the answer's figure is in it, the topic is the wheat), else all.
     */
    static double roleWeight(Question q, String t) {
        boolean unit = q.type() == Question.Type.HOW_MANY && q.terms().size() > 1 && q.terms().get(0).equals(t);
        return unit ? 0.5 : 1.0;
    }

    /** Where the word occurs in {@code words} in the question's sense: by lemma only, or by lemma or synonym group. */
    List<Integer> occurrences(String term, List<String> words, boolean lemmaOnly) {
        List<Integer> out = new ArrayList<>();
        Set<String> wanted0 = sensesOf(term);
        String lemma = lemmaOf(term);
        Sense wanted = questionSense.getOrDefault(term, Sense.UNKNOWN);
        for (int i = 0; i < words.size(); i++) {
            if (lemmaOnly ? !lemmaOf(words.get(i)).equals(lemma) : !shares(wanted0, sensesOf(words.get(i)))) {
                continue;
            }
            Sense here = senseAt(words, i);
            if (wanted != Sense.UNKNOWN && here != Sense.UNKNOWN && wanted != here) {
                continue;
            }
            out.add(i);
        }
        return out;
    }

    /** The claim's cue or stance says the word ("comment" for a refusal to comment, "deny" for a denial). */
    private static boolean stanceSays(StoredClaim c, String term) {
        Set<String> senses = Lexicon.senses(term);
        if (c.cue() != null) {
            for (String w : Text.words(c.cue())) {
                if (shares(senses, Lexicon.senses(w))) {
                    return true;
                }
            }
        }
        for (String w : ClaimRanker.stanceWords(c.stance())) {
            if (shares(senses, Lexicon.senses(w))) {
                return true;
            }
        }
        return false;
    }

    private static boolean shares(Set<String> a, Set<String> b) {
        for (String s : b) {
            if (a.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sense of {@code words[i]} in its sentence: by the word before it; after "and"/"or" as the word before the
     * conjunction ("to manufacture and market" is a verb); else a word directly followed by a determiner is a verb
     * ("market the instrument").
     */
    static Sense senseAt(List<String> words, int i) {
        Sense s = senseAfter(i == 0 ? null : words.get(i - 1));
        if (s == Sense.UNKNOWN && i >= 2 && CONJUNCTIONS.contains(words.get(i - 1))) {
            s = senseAt(words, i - 2);
        }
        if (s == Sense.UNKNOWN && i + 1 < words.size() && DETERMINERS.contains(words.get(i + 1))) {
            s = Sense.VERB;
        }
        return s;
    }

    static Sense senseAfter(String previous) {
        if (previous == null) {
            return Sense.UNKNOWN;
        }
        if (BEFORE_NOUN.contains(previous) || Character.isDigit(previous.charAt(previous.length() - 1))) {
            return Sense.NOUN;
        }
        if (BEFORE_VERB.contains(previous) || previous.endsWith("n't")) {
            return Sense.VERB;
        }
        return Sense.UNKNOWN;
    }

    /** 1 when the matched words stand together, falling with the words between them; 0 for fewer than two. */
    private static double proximity(List<List<Integer>> positions) {
        if (positions.size() < 2) {
            return 0;
        }
        // smallest window holding one occurrence of each matched word (sweep over the merged occurrences)
        List<int[]> all = new ArrayList<>();
        for (int k = 0; k < positions.size(); k++) {
            for (int p : positions.get(k)) {
                all.add(new int[] {p, k});
            }
        }
        all.sort((x, y) -> Integer.compare(x[0], y[0]));
        int[] count = new int[positions.size()];
        int have = 0;
        int best = Integer.MAX_VALUE;
        int lo = 0;
        for (int[] hi : all) {
            if (count[hi[1]]++ == 0) {
                have++;
            }
            while (have == positions.size()) {
                best = Math.min(best, hi[0] - all.get(lo)[0] + 1);
                if (--count[all.get(lo)[1]] == 0) {
                    have--;
                }
                lo++;
            }
        }
        int gap = best - positions.size();
        return 1.0 / (1.0 + Math.max(0, gap) / 4.0);
    }

}
