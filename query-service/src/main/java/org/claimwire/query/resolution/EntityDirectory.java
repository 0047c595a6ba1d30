package org.claimwire.query.resolution;

import java.util.List;
import org.claimwire.events.Enrichment.EntityType;

/** Look-ups the resolver needs; backed by the database in the service and by a map in unit tests. */
public interface EntityDirectory {
    /** Entities of that type with a NAME alias whose normalised form equals {@code nameKey}. */
    List<Candidate> byName(String nameKey, EntityType type);

    /** PERSON entities whose surname is {@code surname} (full-name and surname-only ones). */
    List<Candidate> bySurname(String surname);
}
