package org.claimwire.query.search;

import java.util.List;

/**
 * A filter argument naming an entity: a global id ("42") or a name ("Peskov", "Dmitry Peskov") that is
 * looked up among the entities' names and aliases.
 */
public record EntityArg(Long id, String name) {

    public static EntityArg parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        if (s.matches("\\d{1,18}")) {
            return new EntityArg(Long.parseLong(s), null);
        }
        return new EntityArg(null, s);
    }

    /** The entity ids this argument stands for, given what a name resolves to. */
    public List<Long> ids(List<Long> idsForName) {
        return id != null ? List.of(id) : idsForName;
    }
}
