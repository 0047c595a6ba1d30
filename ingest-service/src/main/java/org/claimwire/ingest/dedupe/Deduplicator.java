package org.claimwire.ingest.dedupe;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.claimwire.events.Story;

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
 * Who writes matters too ({@link Writer}): a uri is owned by the source that created it; another source
 * gets {@link Outcome#FORBIDDEN} for anything but an exact duplicate, and a new uri the writer may not
 * create is {@link Outcome#FORBIDDEN} as well. The check runs under the same lock as the decision, so two
 * sources racing for one new uri cannot both win.
 * Decisions are applied at once (so concurrent copies see each other). A publishing decision stays
 * <em>pending</em> until the caller {@link #confirm confirms} it (the broker acked) or {@link #rollback
 * takes it back} (the publish failed). An answer that rests on a pending decision (a duplicate of a copy
 * whose publish is still in flight, a stale version behind one) carries that decision's
 * {@link Decision#dependsOn() settlement}: the caller must not report it before the pending decision was
 * confirmed, and must decide again when it was taken back. Thread-safe (one lock; the work under it is
 * microseconds).
 */
public final class Deduplicator {

    /** A story to decide on. */
    public record Candidate(String uri, Instant versionCreated, boolean versionCreatedGiven, String contentHash,
            String pubStatus, int[] minhash) {

        /**
         * The candidate for a normalised story, with its MinHash signature (none for an empty body, e.g. a
         * kill). Pure CPU work: callers may prepare candidates on many threads before deciding in order.
         */
        public static Candidate of(Story s, boolean versionCreatedGiven) {
            String body = s.body();
            return new Candidate(s.uri(), s.versionCreated(), versionCreatedGiven, s.contentHash(),
                    s.pubStatus().wireName(), body == null || body.isBlank() ? null : MinHasher.signature(body));
        }
    }

    /**
     * Who is writing: {@code source} becomes the owner of uris it creates; {@code admin} may change any uri;
     * {@code mayCreate} says which new uris it may create.
     */
    public record Writer(String source, boolean admin, Predicate<String> mayCreate) {
        /** Anyone, anything (tests, and callers that decide rights elsewhere); creates without an owner. */
        public static final Writer ANY = new Writer(null, true, uri -> true);
    }

    /**
     * The decision, plus what is needed to take it back. {@code settled} (publishing decisions only)
     * completes with true when confirmed and false when taken back; {@code dependsOn} is the settlement
     * of the pending decision this answer rests on, or null when it rests on confirmed state only.
     */
    public record Decision(Outcome outcome, String uri, int version, String duplicateOf, double similarity,
            StoryState newState, StoryState previous, boolean hashAdded, int lshId, CompletableFuture<Boolean> settled,
            CompletableFuture<Boolean> dependsOn) {
        public boolean publishes() {
            return outcome.publishes();
        }
    }

    private final Map<String, StoryState> byUri = new HashMap<>();
    private final Map<String, String> byHash = new HashMap<>();
    /** Publishing decisions not yet confirmed or taken back, by uri and by the content hash they added. */
    private final Map<String, Decision> pendingByUri = new HashMap<>();
    private final Map<String, Decision> pendingByHash = new HashMap<>();
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

    public Decision decide(Candidate c) {
        return decide(c, Writer.ANY);
    }

    public synchronized Decision decide(Candidate c, Writer w) {
        StoryState prev = byUri.get(c.uri());
        if (prev != null) {
            Decision pendingPrev = pendingByUri.get(c.uri());
            CompletableFuture<Boolean> restsOn = pendingPrev != null && pendingPrev.newState() == prev
                    ? pendingPrev.settled() : null;
            boolean sameAsStored = prev.contentHash().equals(c.contentHash()) && prev.pubStatus().equals(c.pubStatus());
            if (!w.admin() && !Objects.equals(w.source(), prev.owner()) && !sameAsStored) {
                return forbidden(c.uri(), prev);
            }
            if (c.versionCreatedGiven() && c.versionCreated().isBefore(prev.versionCreated())) {
                return new Decision(Outcome.STALE, prev.uri(), prev.version(), prev.duplicateOf(), 0, null, prev,
                        false, -1, null, restsOn);
            }
            if (sameAsStored) {
                return new Decision(Outcome.DUPLICATE, prev.uri(), prev.version(), prev.duplicateOf(), 1, null,
                        prev, false, -1, null, restsOn);
            }
            Instant vc = c.versionCreated().isBefore(prev.versionCreated()) ? prev.versionCreated() : c.versionCreated();
            StoryState next = new StoryState(c.uri(), prev.version() + 1, vc, c.contentHash(), c.pubStatus(),
                    prev.duplicateOf(), c.minhash() != null ? c.minhash() : prev.minhash(), prev.owner());
            byUri.put(c.uri(), next);
            boolean hashAdded = byHash.putIfAbsent(c.contentHash(), c.uri()) == null;
            int id = c.minhash() != null ? lsh.add(c.minhash(), root(next)) : -1;
            return pending(new Decision(Outcome.UPDATED, c.uri(), next.version(), next.duplicateOf(), 0, next, prev,
                    hashAdded, id, new CompletableFuture<>(), null));
        }
        if (!w.admin() && !w.mayCreate().test(c.uri())) {
            return forbidden(c.uri(), null);
        }
        String sameContent = byHash.get(c.contentHash());
        if (sameContent != null) {
            StoryState first = byUri.get(sameContent);
            int v = first == null ? 1 : first.version();
            Decision pendingCopy = pendingByHash.get(c.contentHash());
            return new Decision(Outcome.DUPLICATE, sameContent, v, sameContent, 1, null, null, false, -1, null,
                    pendingCopy != null ? pendingCopy.settled() : null);
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
                c.minhash(), w.source());
        byUri.put(c.uri(), next);
        boolean hashAdded = byHash.putIfAbsent(c.contentHash(), c.uri()) == null;
        int id = c.minhash() != null ? lsh.add(c.minhash(), root(next)) : -1;
        return pending(new Decision(duplicateOf != null ? Outcome.NEAR_DUPLICATE : Outcome.ACCEPTED, c.uri(), 1,
                duplicateOf, sim, next, null, hashAdded, id, new CompletableFuture<>(), null));
    }

    private static Decision forbidden(String uri, StoryState prev) {
        return new Decision(Outcome.FORBIDDEN, uri, prev == null ? 0 : prev.version(), null, 0, null, prev, false, -1,
                null, null);
    }

    private Decision pending(Decision d) {
        pendingByUri.put(d.uri(), d);
        if (d.hashAdded()) {
            pendingByHash.put(d.newState().contentHash(), d);
        }
        return d;
    }

    /** Confirms a publishing decision whose publish was acked: answers resting on it may now be given. */
    public void confirm(Decision d) {
        if (!d.publishes()) {
            return;
        }
        synchronized (this) {
            pendingByUri.remove(d.uri(), d);
            if (d.hashAdded()) {
                pendingByHash.remove(d.newState().contentHash(), d);
            }
        }
        d.settled().complete(true); // outside the lock: waiters continue on their own threads
    }

    /** Number of publishing decisions neither confirmed nor taken back (for tests and diagnostics). */
    public synchronized int pending() {
        return pendingByUri.size();
    }

    /** Takes back a publishing decision whose publish failed; answers resting on it must be decided again. */
    public void rollback(Decision d) {
        if (!d.publishes()) {
            return;
        }
        synchronized (this) {
            undo(d);
            pendingByUri.remove(d.uri(), d);
            if (d.hashAdded()) {
                pendingByHash.remove(d.newState().contentHash(), d);
            }
        }
        d.settled().complete(false);
    }

    private void undo(Decision d) {
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
