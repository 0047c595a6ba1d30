package org.claimwire.query.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Who answers whom: groups an entity's claims with claims by other speakers, with a different stance, on the same
 * matter, close in time. Plain Java over claims already read from the store.
 *
 * <p>Two claims are on the same matter when, within {@code window} of each other, they share at least two content
 * words, or one content word and one entity (an entity both are about, or one is about the other's speaker).
 * Reporting and stance vocabulary ("said", "confirm", "comment", "report"…) and the speakers' own names are no
 * evidence. A non-committal response (neither confirms nor denies, declines to comment, no response) usually
 * names no matter of its own ("could not confirm this information", "did not respond to a request for comment"):
 * its matter is the story that reports it, so the words of that story's headline count as its words too.
 */
public final class Exchanges {
    private Exchanges() {
    }

    /** Stances that answer without saying anything about the matter itself. */
    static final Set<String> RESPONSES = Set.of("NEITHER_CONFIRMS_NOR_DENIES", "DECLINES_TO_COMMENT", "NO_RESPONSE");

    /** Stems (PostgreSQL's english configuration) of reporting and stance words: shared, they show no common matter. */
    static final Set<String> REPORTING = Set.of("say", "said", "tell", "told", "ask", "confirm", "deni", "neither", "nor",
            "comment", "respond", "respons", "declin", "request", "report", "claim", "statement", "inform", "matter",
            "news", "add", "note", "explain", "stress", "accord", "question", "answer", "know", "aware", "can", "could",
            "would", "may", "might", "will", "also", "whether", "now", "today", "yesterday", "week", "month", "year",
            "mani", "much", "time", "one", "two", "first", "last", "new", "thing", "way", "day", "get", "go", "make");

    /**
     * A claim as the finder sees it: {@code words} are its content's stems, {@code contextWords} its story
     * headline's, {@code speakerWords} its speaker's name's, {@code about} the entities it is about,
     * {@code speakerId} null when not resolved.
     */
    public record Claim(long id, Long speakerId, String speakerText, String stance, Instant saidAt, long storyId,
                        Set<Long> about, Set<String> words, Set<String> contextWords, Set<String> speakerWords) {
        public Claim {
            speakerWords = speakerWords == null ? Set.of() : speakerWords;
            stance = stance == null ? "UNCLASSIFIED" : stance;
            about = about == null ? Set.of() : about;
            words = words == null ? Set.of() : words;
            contextWords = contextWords == null ? Set.of() : contextWords;
        }

        String speakerKey() {
            return speakerId != null ? "#" + speakerId : speakerText == null ? null : speakerText.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** One exchange: the entity's claims ({@code anchors}), the answers, the entities in common, and why. */
    public record Exchange(List<Claim> anchors, List<Claim> answers, Set<Long> about, Set<String> words,
                           Duration apart, int score) {
    }

    /**
     * The exchanges of {@code anchors} (claims by one entity) with {@code candidates}, each with at most
     * {@code maxAnswers} answers. Anchors with the same answers make one exchange. Best first.
     *
     * <p>Every answer shares at least one evidence word with its anchor, so the candidates are indexed by their
     * evidence words once and each anchor looks only at the candidates sharing one of its words: the work grows with
     * the shared words, not with anchors times candidates.
     */
    public static List<Exchange> find(List<Claim> anchors, List<Claim> candidates, Duration window, int maxAnswers) {
        List<Features> cands = new ArrayList<>(candidates.size());
        Map<String, List<Integer>> byWord = new HashMap<>();
        for (Claim b : candidates) {
            Features f = new Features(b);
            for (String w : f.evidence) {
                byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(cands.size());
            }
            cands.add(f);
        }
        return group(anchors, a -> {
            Features fa = new Features(a);
            // candidates sharing a word, in candidate order (so that ties sort as the candidates came)
            BitSet sharing = new BitSet(cands.size());
            for (String w : fa.evidence) {
                List<Integer> posting = byWord.get(w);
                if (posting != null) {
                    posting.forEach(sharing::set);
                }
            }
            List<Scored> answers = new ArrayList<>();
            for (int i = sharing.nextSetBit(0); i >= 0; i = sharing.nextSetBit(i + 1)) {
                Scored s = match(fa, cands.get(i), window);
                if (s != null) {
                    answers.add(s);
                }
            }
            return answers;
        }, maxAnswers);
    }

    /**
     * Each anchor's best {@code maxAnswers} answers (by score, then newest) make an exchange; anchors with the same
     * answers make one exchange. Best first.
     */
    static List<Exchange> group(List<Claim> anchors, Function<Claim, List<Scored>> answersOf, int maxAnswers) {
        Map<List<Long>, Exchange> byAnswers = new LinkedHashMap<>();
        for (Claim a : anchors) {
            List<Scored> answers = new ArrayList<>(answersOf.apply(a));
            if (answers.isEmpty()) {
                continue;
            }
            answers.sort(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.claim.saidAt(),
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparingLong(s -> s.claim.id()));
            List<Scored> kept = answers.subList(0, Math.min(maxAnswers, answers.size()));
            List<Long> key = kept.stream().map(s -> s.claim.id()).sorted().toList();
            Set<Long> about = new TreeSet<>();
            Set<String> words = new TreeSet<>();
            Duration apart = Duration.ZERO;
            int score = 0;
            for (Scored s : kept) {
                about.addAll(s.about);
                words.addAll(s.words);
                apart = s.apart.compareTo(apart) > 0 ? s.apart : apart;
                score += s.score;
            }
            Exchange prev = byAnswers.get(key);
            if (prev == null) {
                byAnswers.put(key, new Exchange(List.of(a), kept.stream().map(s -> s.claim).toList(), about, words, apart, score));
            } else {
                List<Claim> as = new ArrayList<>(prev.anchors());
                as.add(a);
                about.addAll(prev.about());
                words.addAll(prev.words());
                byAnswers.put(key, new Exchange(as, prev.answers(), about, words,
                        apart.compareTo(prev.apart()) > 0 ? apart : prev.apart(), Math.max(score, prev.score())));
            }
        }
        List<Exchange> out = new ArrayList<>(byAnswers.values());
        out.sort(Comparator.comparingInt(Exchange::score).reversed()
                .thenComparing(e -> e.anchors().get(0).saidAt(), Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    /** An answer to an anchor: the entities and words they share, how far apart in time, and its score. */
    record Scored(Claim claim, Set<Long> about, Set<String> words, Duration apart, int score) {
    }

    /**
     * What matching needs of a claim, worked out once per claim rather than once per pair: its speaker key and its
     * evidence words (its matter words without reporting words, one-letter words and its speaker's own name).
     */
    private static final class Features {
        final Claim claim;
        final String speakerKey;
        final Set<String> evidence;

        Features(Claim c) {
            claim = c;
            speakerKey = c.speakerKey();
            evidence = new HashSet<>();
            // the words that say what the claim is about: its own, and its story's for a non-committal response
            addEvidence(c.words());
            if (RESPONSES.contains(c.stance())) {
                addEvidence(c.contextWords());
            }
        }

        private void addEvidence(Set<String> words) {
            for (String w : words) {
                if (w.length() > 1 && !REPORTING.contains(w) && !claim.speakerWords().contains(w)) {
                    evidence.add(w);
                }
            }
        }
    }

    /** {@code b} answering {@code a}, or null when it does not. */
    private static Scored match(Features fa, Features fb, Duration window) {
        Claim a = fa.claim;
        Claim b = fb.claim;
        if (a.id() == b.id() || fb.speakerKey == null || Objects.equals(fa.speakerKey, fb.speakerKey)
                || a.stance().equals(b.stance())) {
            return null;
        }
        Duration apart = Duration.ZERO;
        if (a.saidAt() != null && b.saidAt() != null) {
            // between(earlier, later): Duration.abs() goes through BigDecimal, which showed in profiles
            apart = a.saidAt().isBefore(b.saidAt()) ? Duration.between(a.saidAt(), b.saidAt()) : Duration.between(b.saidAt(), a.saidAt());
        }
        if (apart.compareTo(window) > 0) {
            return null;
        }
        Set<String> words = new TreeSet<>();
        Set<String> small = fa.evidence.size() <= fb.evidence.size() ? fa.evidence : fb.evidence;
        Set<String> large = small == fa.evidence ? fb.evidence : fa.evidence;
        for (String w : small) {
            if (large.contains(w)) {
                words.add(w);
            }
        }
        Set<Long> about = new TreeSet<>();
        for (Long e : a.about()) {
            if (b.about().contains(e) || e.equals(b.speakerId())) {
                about.add(e);
            }
        }
        if (a.speakerId() != null && b.about().contains(a.speakerId())) {
            about.add(a.speakerId());
        }
        boolean sameMatter = words.size() >= 2 || (!about.isEmpty() && !words.isEmpty());
        if (!sameMatter) {
            return null;
        }
        // a word that only the two stories' headlines share (two non-committal answers) is weaker evidence than one
        // that a claim's own content has
        int own = 0;
        for (String w : words) {
            if (a.words().contains(w) || b.words().contains(w)) {
                own++;
            }
        }
        return new Scored(b, about, words, apart, 4 * about.size() + 2 * own + (words.size() - own));
    }
}
