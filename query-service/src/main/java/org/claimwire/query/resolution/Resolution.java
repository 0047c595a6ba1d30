package org.claimwire.query.resolution;

/**
 * What to do with one in-story entity.
 *
 * @param entityId     the global entity to link to, or null to create one
 * @param canonicalName the canonical name for a new entity, or the new canonical name when {@code upgrade}
 * @param upgrade      an existing surname-only entity gets its first full name
 * @param reason       a short explanation, stored with the link and shown by the entity API
 */
public record Resolution(Long entityId, String canonicalName, boolean upgrade, String reason) {
    public static Resolution existing(long id, String reason) {
        return new Resolution(id, null, false, reason);
    }

    public static Resolution create(String canonicalName, String reason) {
        return new Resolution(null, canonicalName, false, reason);
    }

    public static Resolution upgrade(long id, String fullName, String reason) {
        return new Resolution(id, fullName, true, reason);
    }

    public boolean isNew() {
        return entityId == null;
    }
}
