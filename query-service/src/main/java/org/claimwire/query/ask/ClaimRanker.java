package org.claimwire.query.ask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwire.query.text.Text;
import org.claimwire.query.text.Lexicon;
import org.claimwire.query.text.Names;

/**
 * Retrieves the claims that bear on a question and ranks them by the entities they involve, the key terms
 * they contain (lemma and synonym aware), their check-worthiness and recency. A claim that does not involve
 * the question's entities and terms is left out, with one exception that keeps the unanswered side visible:
 * a non-response, refusal to comment or non-committal answer reported in the same story close to a relevant
 * claim is included as context.
 */
public final class ClaimRanker {
    static final int CANDIDATES = 400;
    /** How far (characters of story body) a non-committal claim may sit from a relevant one to inherit it. */
    static final int CONTEXT_WINDOW = 400;

    /** A claim with its relevance. {@code context} marks a claim included for its place next to a relevant one. */
    public record Scored(StoredClaim claim, double score, double entityCoverage, double termCoverage,
            boolean context) {
    }

    private static final Set<String> NON_COMMITTAL = Set.of("NO_RESPONSE", "DECLINES_TO_COMMENT",
            "NEITHER_CONFIRMS_NOR_DENIES");

    private static final Map<String, List<String>> STANCE_WORDS = Map.of(
            "DENIES", List.of("deny"),
            "NEITHER_CONFIRMS_NOR_DENIES", List.of("confirm", "deny", "comment"),
            "NO_RESPONSE", List.of("respond", "comment"),
            "DECLINES_TO_COMMENT", List.of("comment", "respond"));

    public List<Scored> rank(Question q, ClaimIndex index) {
        return rank(q, index, CANDIDATES);
    }

    /** Ranks up to {@code candidates} claims per way of finding them (entity, words, stance). */
    public List<Scored> rank(Question q, ClaimIndex index, int candidates) {
        Set<Long> ids = new LinkedHashSet<>();
        q.entities().forEach(n -> n.all().forEach(e -> ids.add(e.id())));
        Map<Long, StoredClaim> pool = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            index.claimsInvolving(ids, candidates).forEach(c -> pool.putIfAbsent(c.id(), c));
        }
        if (!q.terms().isEmpty()) {
            Set<String> forms = new LinkedHashSet<>();
            q.terms().forEach(t -> forms.addAll(Lexicon.expansions(t)));
            // Claims with the terms that involve or name one of the entities (all of them when none is named).
            Set<String> names = new LinkedHashSet<>();
            for (Question.Named n : q.topical()) {
                List<String> w = Text.words(n.entity().name());
                if (!w.isEmpty()) {
                    names.add(w.get(w.size() - 1));
                }
            }
            index.claimsMatching(forms, ids, names, candidates).forEach(c -> pool.putIfAbsent(c.id(), c));
        }
        if (!q.stances().isEmpty()) {
            Set<String> forms = new LinkedHashSet<>();
            q.terms().forEach(t -> forms.addAll(Lexicon.expansions(t)));
            index.claimsWithStance(q.stances(), forms, candidates).forEach(c -> pool.putIfAbsent(c.id(), c));
        }
        if (pool.isEmpty()) {
            return List.of();
        }
        List<Question.Named> topical = q.topical();
        List<Question.Named> speakers = q.withRole(Question.Role.SPEAKER);
        List<Question.Named> recipients = q.withRole(Question.Role.RECIPIENT);
        if (topical.isEmpty() && q.terms().isEmpty() && speakers.isEmpty() && recipients.isEmpty() && q.stances().isEmpty()) {
            return List.of();
        }
        long[] range = timeRange(pool.values());
        Relevance relevance = Relevance.of(q, pool.values(), index);

        List<Scored> relevant = new ArrayList<>();
        for (StoredClaim c : pool.values()) {
            if (!speakers.isEmpty() && speakers.stream().noneMatch(s -> s.is(c.speakerId()))) {
                continue;
            }
            if (!recipients.isEmpty() && recipients.stream().noneMatch(r -> r.is(c.recipientId())
                    || (c.recipientName() != null && Names.normalise(c.recipientName()).equals(Names.normalise(r.entity().name()))))) {
                continue;
            }
            // "Who denied …" wants the denials; "Did X deny …" is answered by whatever X said, denials first.
            boolean stanceWanted = q.stances().contains(c.stance());
            if (!q.stances().isEmpty() && !stanceWanted && q.type() != Question.Type.YES_NO) {
                continue;
            }
            double ec = entityCoverage(c, topical);
            Relevance.Match m = relevance.match(c);
            double tc = m.coverage();
            boolean wordsAlone = topical.isEmpty() && speakers.isEmpty() && recipients.isEmpty() && q.stances().isEmpty();
            if (!passes(ec, tc, topical.size(), q.terms().size())
                    || (wordsAlone && !coversWordsAlone(tc, m.missing(), q.terms().size()))) {
                continue;
            }
            double s = score(c, ec, m.exactness(), range) + 0.6 * m.bm25() + 0.4 * m.proximity();
            // A first-hand account: the speaker is one of the entities the question is about.
            if (topical.stream().anyMatch(n -> n.is(c.speakerId()))) {
                s += 0.5;
            }
            if (stanceWanted) {
                s += 1.0;
            }
            // an account with a named source outranks a statement nobody is quoted for
            if (c.speakerId() == null && c.speakerText() == null || "UNATTRIBUTED".equals(c.mode())) {
                s -= 0.3;
            }
            relevant.add(new Scored(c, s, ec, tc, false));
        }
        if (relevant.isEmpty()) {
            return List.of();
        }
        // The unanswered side: non-committal claims reported next to a fully relevant one in the same story.
        if ((q.type() == Question.Type.YES_NO || q.type() == Question.Type.GENERAL) && speakers.isEmpty()) {
            addContext(relevant, index, range);
        }
        relevant = withSourceCount(relevant);
        relevant.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.claim().id(), Comparator.reverseOrder()));
        return dedupe(relevant);
    }

    /**
     * Source count as a tie-breaker, next to recency: the same words from the same speaker carried by several stories
     * (wire copies, rewrites) weigh a little more, up to 0.2 for four stories or more.
     */
    static List<Scored> withSourceCount(List<Scored> relevant) {
        Map<String, Set<Long>> stories = new HashMap<>();
        List<String> keys = relevant.stream().map(s -> sameWords(s.claim())).toList();
        for (int i = 0; i < relevant.size(); i++) {
            stories.computeIfAbsent(keys.get(i), k -> new HashSet<>()).add(relevant.get(i).claim().storyId());
        }
        List<Scored> out = new ArrayList<>();
        for (int i = 0; i < relevant.size(); i++) {
            Scored s = relevant.get(i);
            int copies = stories.get(keys.get(i)).size();
            out.add(new Scored(s.claim(), s.score() + 0.2 * Math.min(1.0, (copies - 1) / 3.0), s.entityCoverage(),
                    s.termCoverage(), s.context()));
        }
        return out;
    }

    private static String sameWords(StoredClaim c) {
        return c.speakerName() + "|" + c.stance() + "|" + Text.wordKey(c.content());
    }

    private void addContext(List<Scored> relevant, ClaimIndex index, long[] range) {
        List<Scored> anchors = relevant.stream().filter(s -> s.entityCoverage() >= 1.0 && s.termCoverage() > 0).toList();
        if (anchors.isEmpty()) {
            return;
        }
        Set<Long> storyIds = new LinkedHashSet<>();
        anchors.forEach(a -> storyIds.add(a.claim().storyId()));
        Set<Long> have = new HashSet<>();
        relevant.forEach(s -> have.add(s.claim().id()));
        Map<Long, Double> storyBest = new HashMap<>();
        anchors.forEach(a -> storyBest.merge(a.claim().storyId(), a.score(), Math::max));
        for (StoredClaim c : index.claimsOfStories(storyIds, CANDIDATES)) {
            if (have.contains(c.id()) || c.stance() == null || !NON_COMMITTAL.contains(c.stance())) {
                continue;
            }
            double near = 0;
            for (Scored a : anchors) {
                if (a.claim().storyId() != c.storyId()) {
                    continue;
                }
                int gap = Math.max(0, Math.max(c.contentStart() - a.claim().contentEnd(),
                        a.claim().contentStart() - c.contentEnd()));
                if (gap <= CONTEXT_WINDOW) {
                    near = Math.max(near, a.score());
                }
            }
            // A "did not respond to a request for comment" answers the story's subject, wherever it stands.
            if (near == 0 && "NO_RESPONSE".equals(c.stance())) {
                near = storyBest.getOrDefault(c.storyId(), 0.0);
            }
            if (near > 0) {
                relevant.add(new Scored(c, near * 0.5 + 0.1 * recency(c, range), 0, 0, true));
                have.add(c.id());
            }
        }
    }

    /** The same words from the same speaker in several stories (wire copies, rewrites): keep the best-ranked. */
    static List<Scored> dedupe(List<Scored> ranked) {
        Set<String> seen = new HashSet<>();
        List<Scored> out = new ArrayList<>();
        for (Scored s : ranked) {
            if (seen.add(sameWords(s.claim()))) {
                out.add(s);
            }
        }
        return out;
    }

    static boolean passes(double ec, double tc, int entities, int terms) {
        if (entities > 0 && terms > 0) {
            return ec > 0 && tc > 0 && ec * tc >= 0.5 - 1e-9;
        }
        if (entities > 0) {
            return ec >= (entities >= 2 ? 0.5 : 1.0) - 1e-9;
        }
        if (terms > 0) {
            return tc >= (terms >= 3 ? 0.6 : terms == 2 ? 0.5 : 1.0) - 1e-9;
        }
        return true;
    }

    /**
     * A question of words alone (no entity, no stance to narrow it) is only as specific as its words: with two
     * topic words or fewer each must be in the claim ("the weather tomorrow" is not answered by "adverse weather"),
     * with more at most one may be missing.
     */
    static boolean coversWordsAlone(double tc, int missing, int terms) {
        return terms <= 2 ? missing == 0 : missing <= 1 && tc >= 0.6 - 1e-9;
    }

    private static double score(StoredClaim c, double ec, double tc, long[] range) {
        return 2 * ec + 2 * tc + 0.3 * c.checkWorthiness() + 0.3 * recency(c, range);
    }

    private static double recency(StoredClaim c, long[] range) {
        Instant t = c.saidAt() != null ? c.saidAt() : c.publishedAt();
        if (t == null || range[1] <= range[0]) {
            return 0.5;
        }
        return (double) (t.getEpochSecond() - range[0]) / (range[1] - range[0]);
    }

    private static long[] timeRange(Iterable<StoredClaim> claims) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (StoredClaim c : claims) {
            Instant t = c.saidAt() != null ? c.saidAt() : c.publishedAt();
            if (t != null) {
                min = Math.min(min, t.getEpochSecond());
                max = Math.max(max, t.getEpochSecond());
            }
        }
        return new long[] {min, max};
    }

    /** The fraction of the question's entities the claim involves (speaker, recipient, about, or named in it). */
    static double entityCoverage(StoredClaim c, List<Question.Named> entities) {
        if (entities.isEmpty()) {
            return 1.0;
        }
        int hit = 0;
        for (Question.Named n : entities) {
            if (n.all().stream().anyMatch(e -> involves(c, e))) {
                hit++;
            }
        }
        return (double) hit / entities.size();
    }

    static boolean involves(StoredClaim c, StoredEntity e) {
        if (c.involves(e.id())) {
            return true;
        }
        if (Text.containsPhrase(c.content(), e.name())) {
            return true;
        }
        if ("PERSON".equals(e.type())) {
            String[] parts = Names.normalise(e.name()).split(" ");
            if (parts.length > 1 && Text.containsPhrase(c.content(), parts[parts.length - 1])) {
                return true;
            }
        }
        for (String a : e.aliases()) {
            if (a.length() > 2 && Text.containsPhrase(c.content(), a)) {
                return true;
            }
        }
        return false;
    }

    /** The fraction of key terms found in the claim's content, cue or stance (by lemma or synonym group). */
    static double termCoverage(StoredClaim c, List<String> terms) {
        if (terms.isEmpty()) {
            return 1.0;
        }
        Set<String> senses = claimSenses(c);
        int hit = 0;
        for (String t : terms) {
            for (String s : Lexicon.senses(t)) {
                if (senses.contains(s)) {
                    hit++;
                    break;
                }
            }
        }
        return (double) hit / terms.size();
    }

    /** Words a stance says without the claim's words ("comment" for a refusal to comment). */
    static List<String> stanceWords(String stance) {
        return STANCE_WORDS.getOrDefault(stance == null ? "" : stance, List.of());
    }

    static Set<String> claimSenses(StoredClaim c) {
        Set<String> out = new HashSet<>();
        for (String w : Text.words(c.content())) {
            out.addAll(Lexicon.senses(w));
        }
        if (c.cue() != null) {
            for (String w : Text.words(c.cue())) {
                out.addAll(Lexicon.senses(w));
            }
        }
        for (String w : STANCE_WORDS.getOrDefault(c.stance() == null ? "" : c.stance(), List.of())) {
            out.addAll(Lexicon.senses(w));
        }
        return out;
    }
}
