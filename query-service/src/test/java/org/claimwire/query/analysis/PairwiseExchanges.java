package org.claimwire.query.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.claimwire.query.analysis.Exchanges.Claim;
import org.claimwire.query.analysis.Exchanges.Exchange;

/**
 * Test oracle: the first, pair-by-pair form of {@link Exchanges#find} (every anchor against every candidate), kept
 * to check that the indexed form finds exactly the same exchanges ({@link ExchangesEquivalenceTest}).
 */
final class PairwiseExchanges {
    private PairwiseExchanges() {
    }

    /**
     * The exchanges of {@code anchors} (claims by one entity) with {@code candidates}, each with at most
     * {@code maxAnswers} answers. Anchors with the same answers make one exchange. Best first.
     */
    static List<Exchange> find(List<Claim> anchors, List<Claim> candidates, Duration window, int maxAnswers) {
        Map<List<Long>, Exchange> byAnswers = new LinkedHashMap<>();
        for (Claim a : anchors) {
            List<Scored> answers = new ArrayList<>();
            for (Claim b : candidates) {
                Scored s = match(a, b, window);
                if (s != null) {
                    answers.add(s);
                }
            }
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

    private record Scored(Claim claim, Set<Long> about, Set<String> words, Duration apart, int score) {
    }

    /** {@code b} answering {@code a}, or null when it does not. */
    static Scored match(Claim a, Claim b, Duration window) {
        if (a.id() == b.id() || b.speakerKey() == null || Objects.equals(a.speakerKey(), b.speakerKey())
                || a.stance().equals(b.stance())) {
            return null;
        }
        Duration apart = a.saidAt() == null || b.saidAt() == null ? Duration.ZERO : Duration.between(a.saidAt(), b.saidAt()).abs();
        if (apart.compareTo(window) > 0) {
            return null;
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
        Set<String> words = new TreeSet<>();
        Set<String> bw = matterWords(b);
        for (String w : matterWords(a)) {
            if (bw.contains(w) && !Exchanges.REPORTING.contains(w) && !a.speakerWords().contains(w)
                    && !b.speakerWords().contains(w) && w.length() > 1) {
                words.add(w);
            }
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

    /** The words that say what the claim is about: its own, and its story's for a non-committal response. */
    static Set<String> matterWords(Claim c) {
        if (!Exchanges.RESPONSES.contains(c.stance()) || c.contextWords().isEmpty()) {
            return c.words();
        }
        Set<String> all = new LinkedHashSet<>(c.words());
        all.addAll(c.contextWords());
        return all;
    }
}
