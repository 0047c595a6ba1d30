package org.claimwire.query.resolution;

import org.claimwire.query.text.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.EntityType;

/**
 * Cross-story entity resolution: links an entity of one story ("Peskov", titled "Kremlin spokesman") to the
 * global entity it is ("Dmitry Peskov"), or says to create one. Rules, in order:
 * <ol>
 *   <li>Persons with a full name (two or more tokens) match only the same full name. Two different full names
 *       ("Donald Trump", "Melania Trump") are never merged. A full name may upgrade the one surname-only entity
 *       with that surname when no full-name entity with that surname exists yet.</li>
 *   <li>A bare surname: the single full-name person with that surname (leaving out full names the same story
 *       keeps apart from it: upstream in-story resolution already decided those are someone else); with
 *       several, the one sharing a title ("Kremlin spokesman"); else the one surname-only entity; otherwise a
 *       new surname-only entity (ambiguous names stay apart).</li>
 *   <li>Other types: the same normalised name and type.</li>
 * </ol>
 * Plain Java: no framework, no database; the {@link EntityDirectory} supplies candidates.
 */
public final class EntityResolver {

    public Resolution resolve(Enrichment.Entity entity, List<Enrichment.Entity> sameStory, EntityDirectory directory) {
        EntityType type = entity.type() == null ? EntityType.MISC : entity.type();
        String name = entity.name() == null ? "" : entity.name().trim();
        if (type != EntityType.PERSON) {
            String key = Names.normalise(name);
            List<Candidate> hits = directory.byName(key, type);
            if (hits.size() == 1) {
                return Resolution.existing(hits.get(0).id(), "same name");
            }
            if (hits.size() > 1) {
                return Resolution.existing(mostNamed(hits, key).id(), "same name");
            }
            return Resolution.create(name, "new");
        }
        List<String> tokens = Names.personTokens(name);
        if (tokens.isEmpty()) {
            return Resolution.create(name, "new");
        }
        return tokens.size() >= 2 ? resolveFullName(name, directory) : resolveSurname(entity, name, sameStory, directory);
    }

    private Resolution resolveFullName(String name, EntityDirectory directory) {
        String key = Names.personKey(name);
        for (Candidate c : directory.byName(key, EntityType.PERSON)) {
            if (!c.surnameOnly()) {
                return Resolution.existing(c.id(), "same full name");
            }
        }
        String surname = Names.surname(name);
        List<Candidate> sameSurname = directory.bySurname(surname);
        List<Candidate> fullNames = sameSurname.stream().filter(c -> !c.surnameOnly()).toList();
        List<Candidate> bare = sameSurname.stream().filter(Candidate::surnameOnly).toList();
        if (fullNames.isEmpty() && bare.size() == 1) {
            return Resolution.upgrade(bare.get(0).id(), name,
                    "full name for the entity known as '" + bare.get(0).canonicalName() + "'");
        }
        return Resolution.create(name, "new");
    }

    private Resolution resolveSurname(Enrichment.Entity entity, String name, List<Enrichment.Entity> sameStory,
                                      EntityDirectory directory) {
        String surname = Names.surname(name);
        // in-story resolution already happened upstream: a full name with this surname that the same story keeps
        // apart from this bare surname ("Melania Trump" ... "Trump") is someone else
        Set<String> someoneElse = new LinkedHashSet<>();
        for (Enrichment.Entity other : sameStory) {
            if (other != entity && other.type() == EntityType.PERSON && other.name() != null
                    && Names.personTokens(other.name()).size() >= 2 && Names.surname(other.name()).equals(surname)) {
                someoneElse.add(Names.personKey(other.name()));
            }
        }
        List<Candidate> candidates = directory.bySurname(surname);
        List<Candidate> fullNames = candidates.stream()
                .filter(c -> !c.surnameOnly() && c.nameKeys().stream().noneMatch(someoneElse::contains)).toList();
        Set<String> titles = new LinkedHashSet<>();
        for (String t : entity.titles()) {
            titles.add(Names.normalise(t));
        }
        // 1. one full-name person with that surname
        if (fullNames.size() == 1) {
            return Resolution.existing(fullNames.get(0).id(), "surname unique among known persons ('"
                    + fullNames.get(0).canonicalName() + "')");
        }
        // 2. several: a shared title decides
        if (!titles.isEmpty() && fullNames.size() > 1) {
            List<Candidate> byTitle = new ArrayList<>();
            for (Candidate c : fullNames) {
                if (c.titles().stream().anyMatch(titles::contains)) {
                    byTitle.add(c);
                }
            }
            if (byTitle.size() == 1) {
                return Resolution.existing(byTitle.get(0).id(), "surname and title shared with '"
                        + byTitle.get(0).canonicalName() + "'");
            }
        }
        // 3. ambiguous or unknown: the surname-only entity, or a new one
        List<Candidate> bare = candidates.stream().filter(Candidate::surnameOnly).toList();
        if (bare.size() == 1) {
            return Resolution.existing(bare.get(0).id(), fullNames.isEmpty() ? "same surname" : "ambiguous surname");
        }
        return Resolution.create(name, fullNames.isEmpty() ? "new" : "new (ambiguous surname)");
    }

    private static Candidate mostNamed(List<Candidate> hits, String key) {
        for (Candidate c : hits) {
            if (Names.normalise(c.canonicalName()).equals(key)) {
                return c;
            }
        }
        return hits.get(0);
    }
}
