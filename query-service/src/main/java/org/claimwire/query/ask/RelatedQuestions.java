package org.claimwire.query.ask;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.claimwire.query.text.Text;

/**
 * Follow-up questions generated from the claim graph around an answer: what the other speakers on the topic
 * said, who the co-mentioned people and organisations are, whether the silent or non-committal sides
 * responded, and what was told to whom. Only people and organisations are asked about (never a nationality or an
 * adjective that NER typed as an entity, such as "West German"), and {@link AskService} keeps only the questions
 * that get a cited answer.
 */
final class RelatedQuestions {
    private RelatedQuestions() {
    }

    static List<String> candidates(AskService.Core core, ClaimIndex idx) {
        Question q = core.question();
        Set<Long> asked = new HashSet<>();
        q.entities().forEach(n -> n.all().forEach(e -> asked.add(e.id())));
        List<StoredClaim> claims = core.ranked().stream().limit(AnswerComposer.MAX_PERSPECTIVE_CLAIMS)
                .map(ClaimRanker.Scored::claim).toList();

        List<String> otherSpeakers = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        List<String> told = new ArrayList<>();
        List<String> who = new ArrayList<>();
        Set<Long> speakersSeen = new HashSet<>();
        for (StoredClaim c : claims) {
            if (c.speakerId() == null || !personOrOrganisation(c.speakerType())) {
                continue;
            }
            String s = nameOf(c.speakerName(), c.speakerType());
            if (c.stance() != null) {
                switch (c.stance()) {
                    case "NO_RESPONSE" -> unanswered.add("Did " + s + " respond?");
                    case "DECLINES_TO_COMMENT" -> unanswered.add("Did " + s + " comment?");
                    case "NEITHER_CONFIRMS_NOR_DENIES" -> unanswered.add("Did " + s + " confirm or deny it?");
                    default -> { }
                }
            }
            if (c.recipientId() != null && c.recipientName() != null && personOrOrganisation(c.recipientType())) {
                told.add("What did " + s + " tell " + nameOf(c.recipientName(), c.recipientType()) + "?");
            }
            boolean speakerAsked = asked.contains(c.speakerId());
            if (speakersSeen.add(c.speakerId())) {
                String topic = null;
                for (Question.Named n : q.entities()) {
                    if (n.entity().id() != c.speakerId() && n.entity().isPersonOrOrganisation()
                            && ClaimRanker.involves(c, n.entity())) {
                        topic = name(n.entity());
                        break;
                    }
                }
                if (!speakerAsked || q.type() == Question.Type.WHO_IS) {
                    otherSpeakers.add(topic == null ? "What did " + s + " say?" : "What did " + s + " say about " + topic + "?");
                }
            }
        }
        // What the question's own entities said, and said about each other.
        List<String> own = new ArrayList<>();
        if (q.type() != Question.Type.WHAT_SAID) {
            for (Question.Named e : q.entities()) {
                if (!e.entity().isPersonOrOrganisation()) {
                    continue;
                }
                boolean speaks = claims.stream().anyMatch(c -> c.speakerId() != null && c.speakerId() == e.entity().id());
                if (!speaks) {
                    continue;
                }
                for (Question.Named f : q.entities()) {
                    if (f.entity().id() != e.entity().id() && f.entity().isPersonOrOrganisation()) {
                        own.add("What did " + name(e.entity()) + " say about " + name(f.entity()) + "?");
                    }
                }
                own.add("What did " + name(e.entity()) + " say?");
            }
        }
        // Co-mentioned entities the reader may not know: ask who they are.
        Set<Long> named = new LinkedHashSet<>();
        for (StoredClaim c : claims) {
            if (c.speakerId() != null) {
                named.add(c.speakerId());
            }
            named.addAll(c.aboutIds());
            if (c.recipientId() != null) {
                named.add(c.recipientId());
            }
        }
        for (long id : named) {
            if (asked.contains(id) && q.type() == Question.Type.WHO_IS) {
                continue;
            }
            StoredEntity e = lookup(core, idx, id);
            if (e != null && !e.titles().isEmpty() && e.isPersonOrOrganisation()) {
                who.add(whoIs(e));
            }
        }
        // Interleave the kinds so the list is varied.
        List<String> out = new ArrayList<>();
        List<List<String>> kinds = List.of(otherSpeakers, who, unanswered, told, own);
        for (int i = 0; i < 8; i++) {
            for (List<String> k : kinds) {
                if (i < k.size() && !out.contains(k.get(i))) {
                    out.add(k.get(i));
                }
            }
        }
        return out;
    }

    private static StoredEntity lookup(AskService.Core core, ClaimIndex idx, long id) {
        for (Question.Named n : core.question().entities()) {
            if (n.entity().id() == id) {
                return n.entity();
            }
        }
        return idx.entity(id);
    }

    static String whoIs(StoredEntity e) {
        return ("PERSON".equals(e.type()) ? "Who is " : "What is ") + name(e) + "?";
    }

    static String name(StoredEntity e) {
        return nameOf(e.name(), e.type());
    }

    static String nameOf(String name, String type) {
        return AnswerComposer.withArticle(Text.display(name), type, null);
    }

    static boolean personOrOrganisation(String type) {
        return "PERSON".equals(type) || "ORGANIZATION".equals(type);
    }
}
