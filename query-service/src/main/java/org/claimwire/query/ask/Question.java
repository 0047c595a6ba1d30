package org.claimwire.query.ask;

import java.util.List;

/** A parsed question: its type, the stored entities it names (with their role) and its key terms. */
public record Question(String text, Type type, List<Named> entities, List<String> terms) {

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
        /** Anything else: answered like "who said". */
        GENERAL
    }

    /** How an entity figures in the question. */
    public enum Role { TOPIC, SPEAKER, RECIPIENT, ABOUT }

    /** A stored entity named in the question by {@code matched} (e.g. "the Kremlin spokesman"). */
    public record Named(StoredEntity entity, String matched, Role role) {
    }

    public List<Named> withRole(Role role) {
        return entities.stream().filter(n -> n.role() == role).toList();
    }

    public List<Named> topical() {
        return entities.stream().filter(n -> n.role() == Role.TOPIC || n.role() == Role.ABOUT).toList();
    }
}
