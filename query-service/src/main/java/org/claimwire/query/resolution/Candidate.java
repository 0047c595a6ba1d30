package org.claimwire.query.resolution;

import java.util.Set;
import org.claimwire.events.Enrichment.EntityType;

/**
 * A global entity as the resolver sees it.
 *
 * @param nameKeys    normalised NAME aliases (full names and bare surnames it went by)
 * @param titles      normalised titles ("kremlin spokesman")
 * @param surnameOnly a person so far known only by a bare surname
 */
public record Candidate(long id, String canonicalName, EntityType type, String surname, boolean surnameOnly,
                        Set<String> nameKeys, Set<String> titles) {
    public Candidate {
        nameKeys = nameKeys == null ? Set.of() : Set.copyOf(nameKeys);
        titles = titles == null ? Set.of() : Set.copyOf(titles);
    }
}
