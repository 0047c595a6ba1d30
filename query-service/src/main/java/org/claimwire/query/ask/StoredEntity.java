package org.claimwire.query.ask;

import java.util.List;

/** A stored (global) entity as ask sees it: names it went by, titles it was given, how often it is mentioned. */
public record StoredEntity(long id, String name, String type, List<String> aliases, List<String> titles,
        long mentionCount) {
    public StoredEntity {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        titles = titles == null ? List.of() : List.copyOf(titles);
    }
}
