package org.claimwire.ingest.dedupe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Locality-sensitive hashing over {@link MinHasher} signatures: {@value #BANDS} bands of
 * {@value #ROWS} rows. Two stories become candidates when one band agrees exactly, which for
 * Jaccard 0.7 happens with probability 1-(1-0.7^4)^16 ≈ 0.99 and for 0.3 with ≈ 0.12; candidates
 * are then checked on the whole signature. A lookup touches only the buckets of its 16 band keys, so
 * its cost does not grow with the number of stored stories (buckets hold near-duplicates only).
 *
 * <p>Storage is primitive arrays (one open-addressing table per band plus a chain array), about
 * 400 bytes per story. Not thread-safe: callers serialise access.
 */
public final class LshIndex {
    public static final int BANDS = 16;
    public static final int ROWS = MinHasher.NUM_HASHES / BANDS;

    private final double threshold;
    private final BandTable[] bands = new BandTable[BANDS];
    private int[][] sigs = new int[1024][];
    private String[] uris = new String[1024];
    private boolean[] dead = new boolean[1024];
    private int[] visited = new int[1024];
    private int visitStamp = 0;
    private int size = 0;

    /** A match: the stored story's uri (its root copy) and the estimated similarity. */
    public record Match(String uri, double similarity) {
    }

    public LshIndex(double threshold) {
        this.threshold = threshold;
        for (int b = 0; b < BANDS; b++) {
            bands[b] = new BandTable();
        }
    }

    public int size() {
        return size;
    }

    /** Adds a signature under {@code uri}; answers the doc id (for {@link #remove}). */
    public int add(int[] sig, String uri) {
        if (size == sigs.length) {
            int cap = size * 2;
            sigs = Arrays.copyOf(sigs, cap);
            uris = Arrays.copyOf(uris, cap);
            dead = Arrays.copyOf(dead, cap);
            visited = Arrays.copyOf(visited, cap);
        }
        int id = size++;
        sigs[id] = sig;
        uris[id] = uri;
        for (int b = 0; b < BANDS; b++) {
            bands[b].add(bandKey(sig, b), id);
        }
        return id;
    }

    /** Tombstones a doc (a publish that failed is taken back). */
    public void remove(int id) {
        if (id >= 0 && id < size) {
            dead[id] = true;
        }
    }

    /**
     * The most similar stored story at or above the threshold, ignoring {@code selfUri}; among equally
     * similar ones the earliest stored. Null when none.
     */
    public Match query(int[] sig, String selfUri) {
        if (++visitStamp == Integer.MAX_VALUE) {
            Arrays.fill(visited, 0);
            visitStamp = 1;
        }
        int best = -1;
        double bestSim = 0;
        for (int b = 0; b < BANDS; b++) {
            BandTable t = bands[b];
            for (int d = t.head(bandKey(sig, b)); d >= 0; d = t.next[d]) {
                if (visited[d] == visitStamp || dead[d]) {
                    continue;
                }
                visited[d] = visitStamp;
                if (selfUri != null && selfUri.equals(uris[d])) {
                    continue;
                }
                double sim = MinHasher.similarity(sig, sigs[d]);
                if (sim >= threshold && (sim > bestSim || (sim == bestSim && d < best))) {
                    best = d;
                    bestSim = sim;
                }
            }
        }
        return best < 0 ? null : new Match(uris[best], bestSim);
    }

    /** Number of candidates a query would compare (for the benchmark). */
    public int candidates(int[] sig) {
        int n = 0;
        for (int b = 0; b < BANDS; b++) {
            BandTable t = bands[b];
            for (int d = t.head(bandKey(sig, b)); d >= 0; d = t.next[d]) {
                n++;
            }
        }
        return n;
    }

    static int bandKey(int[] sig, int band) {
        int h = 0x811C9DC5 ^ band;
        for (int r = 0; r < ROWS; r++) {
            h = (h ^ sig[band * ROWS + r]) * 0x01000193;
            h ^= h >>> 15;
        }
        return h;
    }

    /** key → chain of doc ids; open addressing with linear probing, load factor ≤ 0.5. */
    private final class BandTable {
        int[] keys = new int[2048];
        int[] heads = filled(2048);
        boolean[] used = new boolean[2048];
        int[] next = filled(1024);
        int entries = 0;

        int head(int key) {
            int mask = keys.length - 1;
            for (int i = spread(key) & mask; used[i]; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return heads[i];
                }
            }
            return -1;
        }

        void add(int key, int doc) {
            if (doc >= next.length) {
                int old = next.length;
                next = Arrays.copyOf(next, Math.max(doc + 1, old * 2));
                Arrays.fill(next, old, next.length, -1);
            }
            if ((entries + 1) * 2 > keys.length) {
                rehash();
            }
            int mask = keys.length - 1;
            int i = spread(key) & mask;
            while (used[i] && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (!used[i]) {
                used[i] = true;
                keys[i] = key;
                heads[i] = -1;
                entries++;
            }
            next[doc] = heads[i];
            heads[i] = doc;
        }

        private void rehash() {
            int[] ok = keys;
            int[] oh = heads;
            boolean[] ou = used;
            int cap = ok.length * 2;
            keys = new int[cap];
            heads = filled(cap);
            used = new boolean[cap];
            int mask = cap - 1;
            for (int j = 0; j < ok.length; j++) {
                if (ou[j]) {
                    int i = spread(ok[j]) & mask;
                    while (used[i]) {
                        i = (i + 1) & mask;
                    }
                    used[i] = true;
                    keys[i] = ok[j];
                    heads[i] = oh[j];
                }
            }
        }

        private int spread(int k) {
            return (int) (MinHasher.mix64(k) >>> 7);
        }
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** For tests: uris of all live docs. */
    List<String> uris() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!dead[i]) {
                out.add(uris[i]);
            }
        }
        return out;
    }
}
