package org.claimwire.ingest.dedupe;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides, for each normalised story, whether it is new, a duplicate, a near-duplicate, a new version
 * or a stale one, and remembers what was published. Rules, for a story with uri U and content hash H:
 * <ol>
 *   <li>U known: an explicit {@code versionCreated} older than the stored one is {@link Outcome#STALE};
 *       the same H and pubStatus is a {@link Outcome#DUPLICATE}; anything else (changed content, a
 *       kill, a pubStatus change) is {@link Outcome#UPDATED} as version+1.</li>
 *   <li>U new: H seen before under another uri is a {@link Outcome#DUPLICATE} of that uri; a MinHash
 *       match at or above the threshold is a {@link Outcome#NEAR_DUPLICATE} with {@code duplicateOf}
 *       = the first copy; otherwise {@link Outcome#ACCEPTED} as version 1.</li>
 * </ol>
 * Decisions are applied at once (so concurrent copies see each other) and can be taken back with
 * {@link #rollback} when publishing fails. Thread-safe (one lock; the work under it is microseconds).
 */
public final class Deduplicator {

    /** A story to decide on. */
    public record Candidate(String uri, Instant versionCreated, boolean versionCreatedGiven, String contentHash,
            String pubStatus, int[] minhash) {
    }

    /** The decision, plus what is needed to take it back. */
    public record Decision(Outcome outcome, String uri, int version, String duplicateOf, double similarity,
            StoryState newState, StoryState previous, boolean hashAdded, int lshId) {
        public boolean publishes() {
            return outcome.publishes();
        }
    }

    private final Map<String, StoryState> byUri = new HashMap<>();
    private final Map<String, String> byHash = new HashMap<>();
    private final LshIndex lsh;

    public Deduplicator(double nearDuplicateThreshold) {
        this.lsh = new LshIndex(nearDuplicateThreshold);
    }

    /** Restores remembered state (at startup, in the order stories were first seen). */
    public synchronized void restore(StoryState s, Iterable<String> hashes) {
        byUri.put(s.uri(), s);
        byHash.putIfAbsent(s.contentHash(), s.uri());
        for (String h : hashes) {
            byHash.putIfAbsent(h, s.uri());
        }
        if (s.minhash() != null) {
            lsh.add(s.minhash(), s.duplicateOf() != null ? s.duplicateOf() : s.uri());
        }
    }

    public synchronized void restoreHash(String hash, String uri) {
        byHash.putIfAbsent(hash, uri);
    }

    public synchronized Decision decide(Candidate c) {
        StoryState prev = byUri.get(c.uri());
        if (prev != null) {
            if (c.versionCreatedGiven() && c.versionCreated().isBefore(prev.versionCreated())) {
                return new Decision(Outcome.STALE, prev.uri(), prev.version(), prev.duplicateOf(), 0, null, prev,
                        false, -1);
            }
            if (prev.contentHash().equals(c.contentHash()) && prev.pubStatus().equals(c.pubStatus())) {
                return new Decision(Outcome.DUPLICATE, prev.uri(), prev.version(), prev.duplicateOf(), 1, null,
                        prev, false, -1);
            }
            Instant vc = c.versionCreated().isBefore(prev.versionCreated()) ? prev.versionCreated() : c.versionCreated();
            StoryState next = new StoryState(c.uri(), prev.version() + 1, vc, c.contentHash(), c.pubStatus(),
                    prev.duplicateOf(), c.minhash() != null ? c.minhash() : prev.minhash());
            byUri.put(c.uri(), next);
            boolean hashAdded = byHash.putIfAbsent(c.contentHash(), c.uri()) == null;
            int id = c.minhash() != null ? lsh.add(c.minhash(), root(next)) : -1;
            return new Decision(Outcome.UPDATED, c.uri(), next.version(), next.duplicateOf(), 0, next, prev,
                    hashAdded, id);
        }
        String sameContent = byHash.get(c.contentHash());
        if (sameContent != null) {
            StoryState first = byUri.get(sameContent);
            int v = first == null ? 1 : first.version();
            return new Decision(Outcome.DUPLICATE, sameContent, v, sameContent, 1, null, null, false, -1);
        }
        String duplicateOf = null;
        double sim = 0;
        if (c.minhash() != null) {
            LshIndex.Match m = lsh.query(c.minhash(), c.uri());
            if (m != null) {
                duplicateOf = m.uri();
                sim = m.similarity();
            }
        }
        StoryState next = new StoryState(c.uri(), 1, c.versionCreated(), c.contentHash(), c.pubStatus(), duplicateOf,
                c.minhash());
        byUri.put(c.uri(), next);
        boolean hashAdded = byHash.putIfAbsent(c.contentHash(), c.uri()) == null;
        int id = c.minhash() != null ? lsh.add(c.minhash(), root(next)) : -1;
        return new Decision(duplicateOf != null ? Outcome.NEAR_DUPLICATE : Outcome.ACCEPTED, c.uri(), 1, duplicateOf,
                sim, next, null, hashAdded, id);
    }

    /** Takes back a publishing decision whose publish failed. */
    public synchronized void rollback(Decision d) {
        if (!d.publishes()) {
            return;
        }
        StoryState current = byUri.get(d.uri());
        if (current == d.newState()) {
            if (d.previous() != null) {
                byUri.put(d.uri(), d.previous());
            } else {
                byUri.remove(d.uri());
            }
        }
        if (d.hashAdded()) {
            byHash.remove(d.newState().contentHash(), d.uri());
        }
        lsh.remove(d.lshId());
    }

    public synchronized int size() {
        return byUri.size();
    }

    public synchronized int indexedSignatures() {
        return lsh.size();
    }

    private static String root(StoryState s) {
        return s.duplicateOf() != null ? s.duplicateOf() : s.uri();
    }
}
