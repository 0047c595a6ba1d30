package org.claimwire.security;

import java.util.Locale;
import java.util.Set;

/**
 * The three roles a key can have. Each includes the ones below it, so {@code @RolesAllowed(WRITER)} admits
 * admins too: {@code admin} ⊃ {@code writer} ⊃ {@code reader}.
 */
public final class Roles {
    /** Reads, when {@code claimwire.security.read-key-required=true} (reads are open otherwise). */
    public static final String READER = "reader";
    /** Writes stories (only uris of its source) and enriches text. */
    public static final String WRITER = "writer";
    /** Everything, including keys and feeds. */
    public static final String ADMIN = "admin";

    private Roles() {
    }

    /** The role a key was made with, checked; {@code IllegalArgumentException} for anything else. */
    public static String parse(String role) {
        String r = role == null ? "" : role.trim().toLowerCase(Locale.ROOT);
        if (!r.equals(READER) && !r.equals(WRITER) && !r.equals(ADMIN)) {
            throw new IllegalArgumentException("role must be one of reader, writer, admin");
        }
        return r;
    }

    /** The roles a key of {@code role} holds. */
    public static Set<String> granted(String role) {
        return switch (role) {
            case ADMIN -> Set.of(ADMIN, WRITER, READER);
            case WRITER -> Set.of(WRITER, READER);
            case READER -> Set.of(READER);
            default -> Set.of();
        };
    }
}
