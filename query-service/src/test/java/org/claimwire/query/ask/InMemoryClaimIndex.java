package org.claimwire.query.ask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwire.events.Enrichment;
import org.claimwire.query.text.Text;
import org.claimwire.query.text.Lexicon;
import org.claimwire.query.text.Names;

/**
 * A {@link ClaimIndex} over stories held in memory: for unit tests and tools. Entities are resolved across
 * stories by normalised canonical name only.
 */
public final class InMemoryClaimIndex implements ClaimIndex {

    private record Mention(long entityId, long storyId, int start, int end, String text) {
    }

    private record StoryRow(long id, String uri, String headline, Instant publishedAt, String body) {
    }

    private final Map<Long, StoredEntity> entities = new LinkedHashMap<>();
    private final Map<String, Long> byName = new HashMap<>();
    private final List<StoredClaim> claims = new ArrayList<>();
    private final List<Mention> mentions = new ArrayList<>();
    private final Map<Long, StoryRow> stories = new HashMap<>();
    private long nextEntity = 1;
    private long nextClaim = 1;

    /** Stores an entity as it is given (for tests of the question parser). */
    public StoredEntity put(StoredEntity e) {
        entities.put(e.id(), e);
        byName.put(Names.normalise(e.name()), e.id());
        nextEntity = Math.max(nextEntity, e.id() + 1);
        return e;
    }

    /** Adds one enriched story; returns the ids given to its claims, in order. */
    public List<Long> add(long storyId, String uri, String headline, Instant publishedAt, String body,
            Enrichment enrichment) {
        stories.put(storyId, new StoryRow(storyId, uri, headline, publishedAt, body));
        Map<String, Long> local = new HashMap<>();
        for (Enrichment.Entity e : enrichment.entities()) {
            String key = Names.normalise(e.name());
            Long id = byName.get(key);
            Set<String> aliases = new LinkedHashSet<>();
            Set<String> titles = new LinkedHashSet<>(e.titles());
            long count = e.mentions().size();
            if (id == null) {
                id = nextEntity++;
                byName.put(key, id);
            } else {
                StoredEntity old = entities.get(id);
                aliases.addAll(old.aliases());
                titles.addAll(old.titles());
                count += old.mentionCount();
            }
            for (Enrichment.Span m : e.mentions()) {
                String n = m.text();
                if (!Names.normalise(n).equals(key) && Character.isUpperCase(n.charAt(0))
                        && e.titles().stream().noneMatch(t -> Text.containsPhrase(n, t))) {
                    aliases.add(n);
                }
                mentions.add(new Mention(id, storyId, m.start(), m.end(), m.text()));
            }
            entities.put(id, new StoredEntity(id, e.name(), e.type() == null ? "MISC" : e.type().name(),
                    List.copyOf(aliases), List.copyOf(titles), count));
            local.put(e.id(), id);
        }
        List<Long> ids = new ArrayList<>();
        for (Enrichment.Claim c : enrichment.claims()) {
            long id = nextClaim++;
            Long speakerId = c.speaker() == null ? null : local.get(c.speaker().entityId());
            Long recipientId = c.recipient() == null ? null : local.get(c.recipient().entityId());
            String speakerName = speakerId != null ? entities.get(speakerId).name()
                    : c.speaker() == null ? null : c.speaker().text();
            String recipientName = recipientId != null ? entities.get(recipientId).name()
                    : c.recipient() == null ? null : c.recipient().text();
            List<Long> about = c.about().stream().map(local::get).filter(x -> x != null).toList();
            Instant saidAt = publishedAt;
            String speakerType = speakerId == null ? null : entities.get(speakerId).type();
            String recipientType = recipientId == null ? null : entities.get(recipientId).type();
            claims.add(new StoredClaim(id, storyId, uri, headline, publishedAt, saidAt, speakerId, speakerName,
                    speakerType, c.speaker() == null ? null : c.speaker().text(), c.cue() == null ? null : c.cue().text(),
                    c.cue() == null ? null : c.cue().lemma(),
                    c.cue() == null || c.speaker() == null || c.speaker().end() > c.cue().start()
                            || c.cue().end() > c.content().start()
                            ? null : StoredClaim.connector(body, c.speaker().end(), c.content().start()),
                    c.content().text(), c.content().start(),
                    c.content().end(), c.mode() == null ? null : c.mode().name(),
                    c.stance() == null ? null : c.stance().name(), recipientId, recipientName, recipientType,
                    c.recipient() == null ? null : c.recipient().text(),
                    c.time() == null ? null : c.time().text(), c.time() == null ? null : c.time().normalized(),
                    about, c.checkWorthiness()));
            ids.add(id);
        }
        return ids;
    }

    @Override
    public Map<String, List<StoredEntity>> entitiesByPhrase(Collection<String> phrases) {
        Map<String, List<StoredEntity>> out = new LinkedHashMap<>();
        for (String p : phrases) {
            List<StoredEntity> hits = new ArrayList<>();
            for (StoredEntity e : entities.values()) {
                boolean hit = Names.normalise(e.name()).equals(p)
                        || e.aliases().stream().anyMatch(a -> Names.normalise(a).equals(p))
                        || e.titles().stream().anyMatch(t -> Names.normalise(t).equals(p));
                if (!hit && "PERSON".equals(e.type()) && !p.contains(" ")) {
                    String[] parts = Names.normalise(e.name()).split(" ");
                    hit = parts.length > 1 && parts[parts.length - 1].equals(p);
                }
                if (hit) {
                    hits.add(e);
                }
            }
            if (!hits.isEmpty()) {
                out.put(p, hits);
            }
        }
        return out;
    }

    @Override
    public List<StoredClaim> claimsInvolving(Collection<Long> entityIds, int limit) {
        return claims.stream().filter(c -> entityIds.stream().anyMatch(c::involves))
                .sorted(newestFirst()).limit(limit).toList();
    }

    @Override
    public List<StoredClaim> claimsMatching(Collection<String> wordForms, Collection<Long> entityIds,
            Collection<String> names, int limit) {
        return claims.stream().filter(c -> {
            if (entityIds.isEmpty() && names.isEmpty()) {
                return true;
            }
            if (entityIds.stream().anyMatch(c::involves)) {
                return true;
            }
            return names.stream().anyMatch(n -> Text.containsPhrase(c.content(), n));
        }).filter(c -> sharesALemma(c.content(), wordForms)).sorted(newestFirst()).limit(limit).toList();
    }

    @Override
    public List<StoredClaim> claimsWithStance(Collection<String> stances, Collection<String> wordForms, int limit) {
        return claims.stream().filter(c -> stances.contains(c.stance()))
                .filter(c -> wordForms.isEmpty() || sharesALemma(c.content() + " " + c.headline(), wordForms))
                .sorted(newestFirst()).limit(limit).toList();
    }

    /** True when a word of {@code text} has the lemma of one of {@code wordForms}. */
    private static boolean sharesALemma(String text, Collection<String> wordForms) {
        for (String w : Text.words(text)) {
            for (String f : wordForms) {
                if (Lexicon.lemma(w).equals(Lexicon.lemma(f))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public List<StoredClaim> claimsOfStories(Collection<Long> storyIds, int limit) {
        return claims.stream().filter(c -> storyIds.contains(c.storyId())).limit(limit).toList();
    }

    @Override
    public List<TitleEvidence> titleEvidence(long entityId, String title, int limit) {
        List<TitleEvidence> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (out.size() >= limit) {
                break;
            }
            if (m.entityId() == entityId && Text.containsPhrase(m.text(), title)) {
                StoryRow s = stories.get(m.storyId());
                int[] span = Text.sentenceAround(s.body(), m.start(), m.end());
                StoredClaim spoken = claims.stream().filter(c -> c.storyId() == s.id() && c.speakerId() != null
                        && c.speakerId() == entityId && Text.containsPhrase(c.speakerText(), title)
                        && c.contentStart() >= span[0] && c.contentStart() < span[1]).findFirst().orElse(null);
                out.add(new TitleEvidence(title, spoken, s.id(), s.uri(), s.headline(), s.publishedAt(),
                        s.body().substring(span[0], span[1]), span[0], span[1]));
            }
        }
        return out;
    }

    @Override
    public List<StoredEntity> prominentSpeakers(int limit) {
        Map<Long, Integer> counts = new HashMap<>();
        for (StoredClaim c : claims) {
            if (c.speakerId() != null) {
                counts.merge(c.speakerId(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().sorted(Map.Entry.<Long, Integer>comparingByValue().reversed())
                .limit(limit).map(e -> entities.get(e.getKey())).toList();
    }

    @Override
    public StoredEntity entity(long id) {
        return entities.get(id);
    }

    private static Comparator<StoredClaim> newestFirst() {
        return Comparator.comparing(StoredClaim::saidAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(StoredClaim::id, Comparator.reverseOrder());
    }
}
