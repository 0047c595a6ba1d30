package org.claimwire.query.ask;

import java.util.List;

/**
 * A stored (global) entity as ask sees it: names it went by, titles it was given (most frequent and recent
 * first), how often it is mentioned, and how many visible claims it speaks ({@code claimsBy}; -1 when the index
 * does not count them).
 */
public record StoredEntity(long id, String name, String type, List<String> aliases, List<String> titles,
        long mentionCount, long claimsBy) {
    public StoredEntity {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        titles = titles == null ? List.of() : List.copyOf(titles);
    }

    public StoredEntity(long id, String name, String type, List<String> aliases, List<String> titles, long mentionCount) {
        this(id, name, type, aliases, titles, mentionCount, -1);
    }

    /** A person or an organisation (not a place, a nationality or an adjective such as "West German"). */
    public boolean isPersonOrOrganisation() {
        return "PERSON".equals(type) || "ORGANIZATION".equals(type);
    }

    /** True unless the index counted no claims spoken by it. */
    public boolean mayHaveClaims() {
        return claimsBy != 0;
    }
}
