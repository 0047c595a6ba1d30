package org.claimwire.query.ask;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Remembers the answers of a {@link ClaimIndex} for the life of one request, so checking that each related
 * question is answerable does not repeat the same lookups. Not thread-safe; create one per request.
 */
final class CachingClaimIndex implements ClaimIndex {
    private final ClaimIndex delegate;
    private final Map<String, List<StoredEntity>> phrases = new HashMap<>();
    private final Map<String, Object> results = new HashMap<>();

    CachingClaimIndex(ClaimIndex delegate) {
        this.delegate = delegate;
    }

    @Override
    public Map<String, List<StoredEntity>> entitiesByPhrase(Collection<String> ps) {
        Set<String> missing = new TreeSet<>();
        for (String p : ps) {
            if (!phrases.containsKey(p)) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, List<StoredEntity>> found = delegate.entitiesByPhrase(missing);
            for (String p : missing) {
                phrases.put(p, found.getOrDefault(p, List.of()));
            }
        }
        Map<String, List<StoredEntity>> out = new LinkedHashMap<>();
        for (String p : ps) {
            List<StoredEntity> es = phrases.get(p);
            if (es != null && !es.isEmpty()) {
                out.put(p, es);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private <T> T memo(String key, java.util.function.Supplier<T> s) {
        Object v = results.get(key);
        if (v == null) {
            v = s.get();
            results.put(key, v);
        }
        return (T) v;
    }

    @Override
    public List<StoredClaim> claimsInvolving(Collection<Long> ids, int limit) {
        return memo("inv" + new TreeSet<>(ids) + limit, () -> delegate.claimsInvolving(ids, limit));
    }

    @Override
    public List<StoredClaim> claimsMatching(Collection<String> forms, Collection<Long> ids, Collection<String> names,
            int limit) {
        return memo("match" + new TreeSet<>(forms) + new TreeSet<>(ids) + new TreeSet<>(names) + limit,
                () -> delegate.claimsMatching(forms, ids, names, limit));
    }

    @Override
    public List<StoredClaim> claimsOfStories(Collection<Long> storyIds, int limit) {
        return memo("stories" + new TreeSet<>(storyIds) + limit, () -> delegate.claimsOfStories(storyIds, limit));
    }

    @Override
    public List<TitleEvidence> titleEvidence(long entityId, String title, int limit) {
        return memo("title" + entityId + "|" + title + "|" + limit, () -> delegate.titleEvidence(entityId, title, limit));
    }

    @Override
    public List<StoredEntity> prominentSpeakers(int limit) {
        return memo("prom" + limit, () -> delegate.prominentSpeakers(limit));
    }

    @Override
    public List<StoredClaim> claimsWithStance(Collection<String> stances, Collection<String> forms, int limit) {
        return memo("stance" + new TreeSet<>(stances) + new TreeSet<>(forms) + limit,
                () -> delegate.claimsWithStance(stances, forms, limit));
    }

    @Override
    public Map<String, Long> documentFrequencies(Collection<String> forms) {
        return memo("df" + new TreeSet<>(forms), () -> delegate.documentFrequencies(forms));
    }

    @Override
    public StoredEntity entity(long id) {
        return memo("ent" + id, () -> delegate.entity(id));
    }
}
