package org.claimwire.query.resolution;

import org.claimwire.query.text.Names;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.EntityType;
import org.junit.jupiter.api.Test;

class EntityResolverTest {

    /** A directory in memory that applies resolutions the way StoryStore does. */
    static final class Memory implements EntityDirectory {
        final List<Candidate> all = new ArrayList<>();
        long next = 1;

        @Override
        public List<Candidate> byName(String nameKey, EntityType type) {
            return all.stream().filter(c -> c.type() == type && c.nameKeys().contains(nameKey)).toList();
        }

        @Override
        public List<Candidate> bySurname(String surname) {
            return all.stream().filter(c -> c.type() == EntityType.PERSON && surname.equals(c.surname())).toList();
        }

        long apply(Resolution r, Enrichment.Entity e) {
            String key = e.type() == EntityType.PERSON ? Names.personKey(e.name()) : Names.normalise(e.name());
            Set<String> titles = new HashSet<>();
            e.titles().forEach(t -> titles.add(Names.normalise(t)));
            if (r.isNew()) {
                long id = next++;
                all.add(new Candidate(id, e.name(), e.type(), e.type() == EntityType.PERSON ? Names.surname(e.name()) : null,
                        e.type() == EntityType.PERSON && Names.isBareSurname(e.name()), Set.of(key), titles));
                return id;
            }
            Candidate old = all.stream().filter(c -> c.id() == r.entityId()).findFirst().orElseThrow();
            Set<String> names = new HashSet<>(old.nameKeys());
            names.add(key);
            Set<String> ts = new HashSet<>(old.titles());
            ts.addAll(titles);
            all.remove(old);
            all.add(new Candidate(old.id(), r.upgrade() ? r.canonicalName() : old.canonicalName(), old.type(), old.surname(),
                    old.surnameOnly() && !r.upgrade(), names, ts));
            return old.id();
        }

        Candidate get(long id) {
            return all.stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        }
    }

    final EntityResolver resolver = new EntityResolver();
    final Memory dir = new Memory();

    static Enrichment.Entity person(String id, String name, String... titles) {
        return new Enrichment.Entity(id, name, EntityType.PERSON, List.of(titles), List.of());
    }

    long store(List<Enrichment.Entity> story, Enrichment.Entity e) {
        return dir.apply(resolver.resolve(e, story, dir), e);
    }

    @Test
    void bareSurnameWithTitleJoinsTheFullNameFromAnotherStory() {
        var peskov = person("e1", "Dmitry Peskov", "Kremlin spokesman");
        long id1 = store(List.of(peskov), peskov);
        var bare = person("e7", "Peskov", "Kremlin spokesman");
        Resolution r = resolver.resolve(bare, List.of(bare), dir);
        assertThat(r.entityId()).isEqualTo(id1);
        assertThat(r.reason()).contains("surname");
    }

    @Test
    void twoDifferentFullNamesNeverMerge() {
        var donald = person("e1", "Donald Trump", "US president");
        long d = store(List.of(donald), donald);
        var melania = person("e1", "Melania Trump", "First Lady");
        long m = store(List.of(melania), melania);
        assertThat(m).isNotEqualTo(d);
        // and the bare surname is now ambiguous: no merge into either without a deciding title
        var bare = person("e2", "Trump");
        long t = store(List.of(bare), bare);
        assertThat(t).isNotIn(d, m);
        assertThat(dir.get(t).surnameOnly()).isTrue();
        // a title shared with one of them decides
        var titled = person("e3", "Trump", "U.S. President");
        assertThat(resolver.resolve(titled, List.of(titled), dir).entityId()).isEqualTo(d);
    }

    @Test
    void aFullNameTheSameStoryKeepsApartIsSomeoneElse() {
        var donald = person("e1", "Donald Trump");
        long d = store(List.of(donald), donald);
        var melania = person("e1", "Melania Trump");
        store(List.of(melania), melania);
        var story = List.of(person("e1", "Melania Trump"), person("e2", "Trump"));
        assertThat(resolver.resolve(story.get(1), story, dir).entityId()).isEqualTo(d);
    }

    @Test
    void surnameFirstThenFullNameUpgradesTheSurnameOnlyEntity() {
        var bare = person("e1", "Zelensky");
        long z = store(List.of(bare), bare);
        var full = person("e1", "Volodymyr Zelensky", "Ukrainian President");
        Resolution r = resolver.resolve(full, List.of(full), dir);
        assertThat(r.upgrade()).isTrue();
        assertThat(r.entityId()).isEqualTo(z);
        dir.apply(r, full);
        assertThat(dir.get(z).canonicalName()).isEqualTo("Volodymyr Zelensky");
        // a second, different full name with that surname is a new person
        var other = person("e1", "Olena Zelensky");
        assertThat(resolver.resolve(other, List.of(other), dir).isNew()).isTrue();
    }

    @Test
    void honorificsAndCaseDoNotSplitAPerson() {
        var a = person("e1", "Vladimir Putin");
        long p = store(List.of(a), a);
        var b = person("e1", "Mr. VLADIMIR PUTIN");
        assertThat(resolver.resolve(b, List.of(b), dir).entityId()).isEqualTo(p);
    }

    @Test
    void organisationsMatchByNormalisedNameAndType() {
        var post = new Enrichment.Entity("e1", "New York Post", EntityType.ORGANIZATION, List.of(), List.of());
        long id = store(List.of(post), post);
        var again = new Enrichment.Entity("e4", "the New York Post", EntityType.ORGANIZATION, List.of(), List.of());
        assertThat(resolver.resolve(again, List.of(again), dir).entityId()).isEqualTo(id);
        var place = new Enrichment.Entity("e5", "New York Post", EntityType.LOCATION, List.of(), List.of());
        assertThat(resolver.resolve(place, List.of(place), dir).isNew()).isTrue();
    }

    @Test
    void namesNormalise() {
        assertThat(Names.normalise("The Kremlin")).isEqualTo("kremlin");
        assertThat(Names.normalise("Zelenskyy’s")).isEqualTo("zelenskyy");
        assertThat(Names.normalise("Volodymyr  Zelénsky")).isEqualTo("volodymyr zelensky");
        assertThat(Names.surname("Donald J. Trump Jr.")).isEqualTo("trump");
        assertThat(Names.personKey("Dr. Anthony Fauci")).isEqualTo("anthony fauci");
        assertThat(Names.isBareSurname("Peskov")).isTrue();
    }
}
