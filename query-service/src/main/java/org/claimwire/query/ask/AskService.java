package org.claimwire.query.ask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.claimwire.query.text.Text;
import org.claimwire.query.text.Names;

/**
 * "Ask me anything" over the stored claims: understands the question, retrieves and ranks claims, groups them
 * by stance, writes a cited answer (or none, with answerable suggestions) and proposes related questions that
 * are checked to have cited answers themselves. Plain Java over a {@link ClaimIndex}.
 */
public final class AskService {
    private static final System.Logger LOG = System.getLogger(AskService.class.getName());
    static final int MAX_RELATED = 6;
    static final int MAX_SUGGESTIONS = 5;
    static final int MAX_CANDIDATES_CHECKED = 14;
    public static final int MAX_QUESTION_LENGTH = 500;

    /**
     * Whether a follow-up question gets a cited answer changes only as stories arrive, and the same follow-ups (the most
     * quoted speakers, the people around a topic) come up in request after request: a check is reused for a minute.
     */
    static final long CHECK_TTL_MILLIS = 60_000;
    /**
     * A check needs one cited answer, not the best: it ranks the newest 100 candidates of each kind instead of 400 (a
     * follow-up whose only relevant claims are older than that is left out).
     */
    static final int CHECK_CANDIDATES = 100;
    private static final int CHECK_CACHE_MAX = 10_000;
    private final java.util.Map<String, long[]> checked = new java.util.concurrent.ConcurrentHashMap<>();

    private final ClaimIndex index;
    private final ClaimRanker ranker = new ClaimRanker();
    private final AnswerComposer composer = new AnswerComposer();

    public AskService(ClaimIndex index) {
        this.index = index;
    }

    /** What one question resolved to, before related questions are added. */
    record Core(Question question, List<ClaimRanker.Scored> ranked, AnswerComposer.Composition composition) {
        boolean answered() {
            return composition != null && !composition.sentences().isEmpty() && !composition.citations().isEmpty();
        }
    }

    public AskAnswer ask(String question) {
        String text = question == null ? "" : question.strip();
        if (text.length() > MAX_QUESTION_LENGTH) {
            text = text.substring(0, MAX_QUESTION_LENGTH);
        }
        CachingClaimIndex idx = new CachingClaimIndex(index);
        Core core = answer(text, idx);
        List<AskAnswer.EntityInfo> entities = core.question().entities().stream()
                .map(n -> new AskAnswer.EntityInfo(n.entity().id(), Text.display(n.entity().name()), n.entity().type(),
                        n.entity().titles().stream().map(Text::display).toList(), n.matched(), n.role().name()))
                .toList();
        if (!core.answered()) {
            List<String> suggestions = verified(suggestions(core.question(), idx), text, idx, MAX_SUGGESTIONS);
            return new AskAnswer(text, core.question().type().name(), false, null,
                    "No stored claim answers this question: not found in the stored stories."
                            + (suggestions.isEmpty() ? "" : " These questions can be answered from what is stored."),
                    List.of(), List.of(), suggestions, entities);
        }
        List<String> related = verified(RelatedQuestions.candidates(core, idx), text, idx, MAX_RELATED);
        AnswerComposer.Composition c = core.composition();
        return new AskAnswer(text, core.question().type().name(), true, c.prose(), null, c.citations(),
                c.perspectives(), related, entities);
    }

    Core answer(String text, ClaimIndex idx) {
        return answer(text, idx, ClaimRanker.CANDIDATES);
    }

    private Core answer(String text, ClaimIndex idx, int candidates) {
        Question q = new QuestionParser(idx).parse(text);
        if (q.type() == Question.Type.WHO_IS) {
            if (q.entities().isEmpty()) {
                return new Core(q, List.of(), null);
            }
            StoredEntity e = q.entities().get(0).entity();
            List<TitleEvidence> evidence = new ArrayList<>();
            // the best titles (most frequent, then most recent) where they appear; the composer leads with the first
            for (String title : e.titles().stream().limit(3).toList()) {
                evidence.addAll(idx.titleEvidence(e.id(), title, 2));
            }
            List<ClaimRanker.Scored> byEntity = idx.claimsInvolving(List.of(e.id()), candidates).stream()
                    .map(c -> new ClaimRanker.Scored(c, (c.speakerId() != null && c.speakerId() == e.id() ? 2 : 1)
                            + c.checkWorthiness(), 1, 1, false))
                    .sorted(Comparator.comparingDouble(ClaimRanker.Scored::score).reversed()
                            .thenComparing(s -> s.claim().saidAt(), Comparator.nullsLast(Comparator.reverseOrder()))
                            .thenComparingLong(s -> s.claim().id()))
                    .toList();
            byEntity = ClaimRanker.dedupe(byEntity);
            if (evidence.isEmpty() && byEntity.isEmpty()) {
                return new Core(q, List.of(), null);
            }
            List<TitleEvidence> shown = AnswerComposer.shownTitles(evidence);
            Affiliation.Found org = Affiliation.of(e, shown, idx);
            return new Core(q, byEntity, composer.describe(e, shown, org, byEntity));
        }
        List<ClaimRanker.Scored> ranked = ranker.rank(q, idx, candidates);
        if (ranked.isEmpty()) {
            return new Core(q, ranked, null);
        }
        return new Core(q, ranked, composer.compose(q, ranked));
    }

    private List<String> verified(List<String> candidates, String asked, ClaimIndex idx, int max) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(Names.normalise(asked));
        int checked = 0;
        for (String c : candidates) {
            if (out.size() >= max || checked >= MAX_CANDIDATES_CHECKED) {
                break;
            }
            if (!seen.add(Names.normalise(c))) {
                continue;
            }
            checked++;
            try {
                if (answerable(c, idx)) {
                    out.add(c);
                }
            } catch (RuntimeException e) {
                // A follow-up is optional: one that cannot be checked is left out, the answer still stands.
                LOG.log(System.Logger.Level.WARNING, "could not check follow-up question '" + c + "': " + e);
            }
        }
        return out;
    }

    private boolean answerable(String question, ClaimIndex idx) {
        String key = Names.normalise(question);
        long now = System.currentTimeMillis();
        long[] hit = checked.get(key);
        if (hit != null && now - hit[1] < CHECK_TTL_MILLIS) {
            return hit[0] == 1;
        }
        boolean answered = answer(question, idx, CHECK_CANDIDATES).answered();
        if (checked.size() > CHECK_CACHE_MAX) {
            checked.clear();
        }
        checked.put(key, new long[] {answered ? 1 : 0, now});
        return answered;
    }

    private List<String> suggestions(Question q, ClaimIndex idx) {
        List<String> out = new ArrayList<>();
        for (Question.Named n : q.entities()) {
            if (n.entity().isPersonOrOrganisation() && n.entity().mayHaveClaims()) {
                out.add("What did " + RelatedQuestions.name(n.entity()) + " say?");
                out.add(RelatedQuestions.whoIs(n.entity()));
            }
        }
        for (StoredEntity e : idx.prominentSpeakers(4)) {
            out.add("What did " + RelatedQuestions.name(e) + " say?");
            out.add(RelatedQuestions.whoIs(e));
        }
        return out;
    }
}
