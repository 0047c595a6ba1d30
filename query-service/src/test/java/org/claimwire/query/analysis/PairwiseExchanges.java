package org.claimwire.query.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.claimwire.query.analysis.Exchanges.Claim;
import org.claimwire.query.analysis.Exchanges.Exchange;

/**
 * Test oracle: the first, pair-by-pair matching of {@link Exchanges#find} (every anchor against every candidate), kept
 * to check that the indexed form finds exactly the same exchanges ({@link ExchangesEquivalenceTest}).
 */
final class PairwiseExchanges {
    private PairwiseExchanges() {
    }

    /** Every anchor against every candidate; the grouping is {@link Exchanges#group}'s. */
    static List<Exchange> find(List<Claim> anchors, List<Claim> candidates, Duration window, int maxAnswers) {
        return Exchanges.group(anchors, a -> {
            List<Exchanges.Scored> answers = new ArrayList<>();
            for (Claim b : candidates) {
                Exchanges.Scored s = match(a, b, window);
                if (s != null) {
                    answers.add(s);
                }
            }
            return answers;
        }, maxAnswers);
    }

    /** {@code b} answering {@code a}, or null when it does not. */
    static Exchanges.Scored match(Claim a, Claim b, Duration window) {
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
        return new Exchanges.Scored(b, about, words, apart, 4 * about.size() + 2 * own + (words.size() - own));
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
