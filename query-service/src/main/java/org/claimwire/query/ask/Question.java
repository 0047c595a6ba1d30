package org.claimwire.query.ask;

import java.util.List;

/**
 * A parsed question: its type, the stored entities it names (with their role), its topic words ({@code terms},
 * which an answer must cover), the stances it asks for ("Who declined to comment …" → DECLINES_TO_COMMENT; empty
 * for any stance) and, per topic word, the word just before it in the question ({@code contexts}: "about trade"
 * reads "trade" as a noun, "to trade" as a verb).
 */
public record Question(String text, Type type, List<Named> entities, List<String> terms, List<String> stances,
        java.util.Map<String, String> contexts) {

    public Question {
        stances = stances == null ? List.of() : List.copyOf(stances);
        contexts = contexts == null ? java.util.Map.of() : java.util.Map.copyOf(contexts);
    }

    public Question(String text, Type type, List<Named> entities, List<String> terms) {
        this(text, type, entities, terms, List.of(), java.util.Map.of());
    }

    public enum Type {
        /** "Did Trump and Putin speak?" */
        YES_NO,
        /** "What did Peskov say about Trump?" */
        WHAT_SAID,
        /** "Who said the war will end?" */
        WHO_SAID,
        /** "When will Trump meet Zelensky?" */
        WHEN,
        /** "Who is Dmitry Peskov?" */
        WHO_IS,
        /** "How many jobs will be cut?": answered like "who said", with the figures cited. */
        HOW_MANY,
        /** Anything else: answered like "who said". */
        GENERAL
    }

    /** How an entity figures in the question. */
    public enum Role { TOPIC, SPEAKER, RECIPIENT, ABOUT }

    /**
     * A stored entity named in the question by {@code matched} (e.g. "the Kremlin spokesman"). {@code same} are other
     * stored entities of its type that go by exactly the words matched (a surname-only "Reagan" that resolution
     * could not merge into "Ronald Reagan", who is also called "Reagan"): the question cannot tell them apart, so
     * their claims count as the entity's.
     */
    public record Named(StoredEntity entity, String matched, Role role, List<StoredEntity> same) {
        public Named {
            same = same == null ? List.of() : List.copyOf(same);
        }

        public Named(StoredEntity entity, String matched, Role role) {
            this(entity, matched, role, List.of());
        }

        /** The entity and those it cannot be told apart from. */
        public List<StoredEntity> all() {
            List<StoredEntity> out = new java.util.ArrayList<>();
            out.add(entity);
            out.addAll(same);
            return out;
        }

        /** True when {@code id} is the entity or one it cannot be told apart from. */
        public boolean is(Long id) {
            return id != null && (id == entity.id() || same.stream().anyMatch(e -> e.id() == id));
        }
    }

    public List<Named> withRole(Role role) {
        return entities.stream().filter(n -> n.role() == role).toList();
    }

    public List<Named> topical() {
        return entities.stream().filter(n -> n.role() == Role.TOPIC || n.role() == Role.ABOUT).toList();
    }
}
