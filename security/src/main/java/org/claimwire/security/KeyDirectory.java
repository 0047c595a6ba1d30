package org.claimwire.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every key this service knows, in memory, by id and by hash: filled from the service's own table (if it
 * has a database) and kept current from the key topic, so a key made or revoked on any service takes
 * effect everywhere within moments and without a restart.
 */
@ApplicationScoped
public class KeyDirectory {
    private final Map<String, ApiKey> byId = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();

    /** Records what is known about a key; answers the key as it now stands. */
    public synchronized ApiKey apply(ApiKey k) {
        ApiKey merged = byId.merge(k.id(), k, ApiKey::merge);
        byHash.put(merged.hash(), merged);
        return merged;
    }

    /** The live (not revoked) key with this hash. */
    public Optional<ApiKey> active(String hash) {
        ApiKey k = byHash.get(hash);
        return k == null || k.revoked() ? Optional.empty() : Optional.of(k);
    }

    public Optional<ApiKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every key, newest first. */
    public List<ApiKey> all() {
        List<ApiKey> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(ApiKey::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    public int size() {
        return byId.size();
    }
}
