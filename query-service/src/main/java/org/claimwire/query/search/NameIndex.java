package org.claimwire.query.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory index over every name and title an entity went by, answering {@code GET /api/v1/entities?q=}
 * without touching the database: exact match of a whole (normalised) name, then prefix of the whole name or of
 * any word in it, then fuzzy (trigram word similarity, as pg_trgm's {@code <%} with its default threshold 0.6,
 * for typos); within a tier by mention count, then id. An entity takes the best tier of any of its aliases.
 *
 * <p>Aliases are only ever added (by id); entity rows (name, type, counts) are replaced as they change. Readers
 * never lock: the bulk of the aliases sits in an immutable sorted snapshot, the aliases added since in a small
 * delta that is scanned linearly and folded into a new snapshot once it grows past {@link #DELTA_LIMIT}.
 * Queries are expected to be normalised with {@code Names.normalise} already, as the aliases are.
 */
public final class NameIndex {
    /** pg_trgm's default {@code word_similarity_threshold}. */
    public static final double FUZZY_THRESHOLD = 0.6;
    static final int DELTA_LIMIT = 2048;

    public record Entity(long id, String name, String type, long mentionCount, long storyCount) {
    }

    /** @param nameNorm the normalised name or title */
    public record Alias(long id, long entityId, String nameNorm) {
    }

    private final Map<Long, Entity> entities = new ConcurrentHashMap<>();
    /** All aliases by id (writers only, under the lock). */
    private final Map<Long, Alias> aliases = new HashMap<>();
    private volatile State state = new State(Snapshot.build(List.of(), List.of()), new Alias[0]);
    private long maxAliasId;

    private record State(Snapshot base, Alias[] delta) {
    }

    /** Adds or replaces an entity row. */
    public synchronized void putEntity(Entity e) {
        entities.put(e.id(), e);
        state.base().update(e);
    }

    public Entity entity(long id) {
        return entities.get(id);
    }

    public int entityCount() {
        return entities.size();
    }

    /** Adds aliases not seen before (by id); blank names are ignored. */
    public synchronized void addAliases(Collection<Alias> added) {
        List<Alias> fresh = new ArrayList<>();
        for (Alias a : added) {
            if (a.nameNorm() == null || a.nameNorm().isBlank() || aliases.containsKey(a.id())) {
                continue;
            }
            aliases.put(a.id(), a);
            maxAliasId = Math.max(maxAliasId, a.id());
            fresh.add(a);
        }
        if (fresh.isEmpty()) {
            return;
        }
        State s = state;
        if (s.delta().length + fresh.size() > DELTA_LIMIT) {
            List<Alias> all = new ArrayList<>(aliases.values());
            all.sort(Comparator.comparingLong(Alias::id));
            state = new State(Snapshot.build(all, entities.values()), new Alias[0]);
        } else {
            Alias[] delta = Arrays.copyOf(s.delta(), s.delta().length + fresh.size());
            for (int i = 0; i < fresh.size(); i++) {
                delta[s.delta().length + i] = fresh.get(i);
            }
            state = new State(s.base(), delta);
        }
    }

    /** The highest alias id added so far (0 when empty): where an incremental load continues. */
    public synchronized long maxAliasId() {
        return maxAliasId;
    }

    public synchronized int aliasCount() {
        return aliases.size();
    }

    /**
     * One page of matches: up to {@code limit + 1} entities from {@code offset} (the extra one tells the caller
     * there is a next page).
     *
     * @param qNorm the normalised query, not blank
     * @param type  an entity type, or null for any
     */
    public List<Entity> search(String qNorm, String type, int offset, int limit) {
        State s = state;
        Snapshot base = s.base();
        int want = (int) Math.min((long) Math.max(offset, 0) + limit + 1, Integer.MAX_VALUE);
        Scratch scratch = Scratch.get(base);
        try {
            // aliases added since the snapshot: their entities may be in it (then they share its tiers) or not
            Map<Long, Integer> extra = new HashMap<>();
            if (s.delta().length > 0) {
                Query q = new Query(qNorm);
                for (Alias a : s.delta()) {
                    int tier = q.tier(a.nameNorm());
                    if (tier >= 0) {
                        int dense = base.dense(a.entityId());
                        if (dense >= 0) {
                            scratch.offer(dense, tier);
                        } else {
                            extra.merge(a.entityId(), tier, Math::min);
                        }
                    }
                }
            }
            base.match(qNorm, scratch);
            // snapshot entities: one sortable long each, (tier, mentions desc, id) with ids dense in id order
            long[] keys = new long[scratch.n];
            int n = 0;
            for (int i = 0; i < scratch.n; i++) {
                int d = scratch.touched[i];
                Entity e = base.entities[d];
                if (e == null || (type != null && !type.equals(e.type()))) {
                    continue;
                }
                // bits 61-62 tier, 31-60 mentions inverted (capped at 2^30 - 1), 0-30 the dense index (id order)
                long inv = 0x3FFF_FFFFL - Math.min(Math.max(e.mentionCount(), 0), 0x3FFF_FFFFL);
                keys[n++] = ((long) (scratch.tier[d] - 1) << 61) | (inv << 31) | d;
            }
            Arrays.sort(keys, 0, n);
            List<Hit> hits = new ArrayList<>(Math.min(n, want) + extra.size());
            for (int i = 0; i < n && i < want; i++) {
                int d = (int) (keys[i] & 0x7FFF_FFFFL);
                hits.add(new Hit((int) (keys[i] >>> 61), base.entities[d]));
            }
            if (!extra.isEmpty()) {
                for (Map.Entry<Long, Integer> t : extra.entrySet()) {
                    Entity e = entities.get(t.getKey());
                    if (e != null && (type == null || type.equals(e.type()))) {
                        hits.add(new Hit(t.getValue(), e));
                    }
                }
                hits.sort(ORDER);
            }
            int from = Math.min(Math.max(offset, 0), hits.size());
            int to = Math.min(want, hits.size());
            List<Entity> out = new ArrayList<>(Math.max(0, to - from));
            for (int i = from; i < to; i++) {
                out.add(hits.get(i).entity());
            }
            return out;
        } finally {
            scratch.reset();
        }
    }

    private record Hit(int tier, Entity entity) {
    }

    private static final Comparator<Hit> ORDER = (a, b) -> a.tier() != b.tier() ? Integer.compare(a.tier(), b.tier())
            : a.entity().mentionCount() != b.entity().mentionCount()
                    ? Long.compare(b.entity().mentionCount(), a.entity().mentionCount())
                    : Long.compare(a.entity().id(), b.entity().id());

    /** Per-thread work arrays (best tier per dense entity, shared trigrams per alias), all zero between calls. */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);
        int[] tier = new int[0]; // tier + 1, 0 = no match
        int[] touched = new int[64];
        int n;
        int[] counts = new int[0];

        static Scratch get(Snapshot base) {
            Scratch s = LOCAL.get();
            if (s.tier.length < base.entities.length) {
                s.tier = new int[base.entities.length];
            }
            if (s.counts.length < base.names.length) {
                s.counts = new int[base.names.length];
            }
            return s;
        }

        void offer(int dense, int t) {
            int cur = tier[dense];
            if (cur == 0) {
                if (n == touched.length) {
                    touched = Arrays.copyOf(touched, n * 2);
                }
                touched[n++] = dense;
                tier[dense] = t + 1;
            } else if (t + 1 < cur) {
                tier[dense] = t + 1;
            }
        }

        void reset() {
            for (int i = 0; i < n; i++) {
                tier[touched[i]] = 0;
            }
            n = 0;
        }
    }

    // ------------------------------------------------------------------------------------------- trigrams

    /** pg_trgm's trigrams of a string in order: each word padded with two blanks before and one after. */
    static List<String> trigrams(String s) {
        List<String> out = new ArrayList<>();
        for (long code : trigramCodes(s)) {
            out.add(new String(new char[] {(char) (code >>> 32), (char) (code >>> 16), (char) code}));
        }
        return out;
    }

    /** The trigrams of {@link #trigrams} as three 16-bit chars in a long each. */
    static long[] trigramCodes(String s) {
        long[] out = new long[s.length() + 8];
        int n = 0;
        int i = 0;
        int len = s.length();
        while (i < len) {
            while (i < len && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < len && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                break;
            }
            // "  w " -> codes of each window of three
            long a = ' ';
            long b = ' ';
            for (int k = start; k <= i; k++) {
                long c = k < i ? s.charAt(k) : ' ';
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = (a << 32) | (b << 16) | c;
                a = b;
                b = c;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The distinct codes, sorted (for binary search). */
    static long[] distinct(long[] codes) {
        long[] c = codes.clone();
        Arrays.sort(c);
        int n = 0;
        for (int i = 0; i < c.length; i++) {
            if (n == 0 || c[n - 1] != c[i]) {
                c[n++] = c[i];
            }
        }
        return Arrays.copyOf(c, n);
    }

    /**
     * pg_trgm's {@code word_similarity(q, target)}: the best Jaccard similarity between the trigram set of q and
     * the set of any contiguous run of the target's trigrams.
     */
    static double wordSimilarity(String q, String target) {
        return wordSimilarity(distinct(trigramCodes(q)), trigramCodes(target));
    }

    /** @param qt the query's distinct trigram codes, sorted; @param tt the target's codes in order */
    static double wordSimilarity(long[] qt, long[] tt) {
        int n = tt.length;
        if (qt.length == 0 || n == 0) {
            return 0;
        }
        boolean[] inQ = new boolean[n];
        int[] prev = new int[n];
        for (int j = 0; j < n; j++) {
            inQ[j] = Arrays.binarySearch(qt, tt[j]) >= 0;
            prev[j] = -1;
            for (int k = j - 1; k >= 0; k--) {
                if (tt[k] == tt[j]) {
                    prev[j] = k;
                    break;
                }
            }
        }
        double best = 0;
        for (int i = 0; i < n; i++) {
            if (!inQ[i]) {
                continue; // a best run starts and ends on a shared trigram
            }
            int common = 0;
            int extent = 0;
            for (int j = i; j < n; j++) {
                if (prev[j] < i) { // first occurrence within the run
                    extent++;
                    if (inQ[j]) {
                        common++;
                    }
                }
                if (inQ[j]) {
                    best = Math.max(best, (double) common / (qt.length + extent - common));
                }
            }
        }
        return best;
    }

    /** One query's tiers against a single name (used for the delta). */
    private static final class Query {
        final String q;
        final String wordPrefix;
        final long[] qt;

        Query(String q) {
            this.q = q;
            this.wordPrefix = " " + q;
            this.qt = distinct(trigramCodes(q));
        }

        /** 0 exact, 1 prefix of the name or a word, 2 fuzzy, -1 no match. */
        int tier(String name) {
            if (name.equals(q)) {
                return 0;
            }
            if (name.startsWith(q) || name.contains(wordPrefix)) {
                return 1;
            }
            return wordSimilarity(qt, trigramCodes(name)) >= FUZZY_THRESHOLD ? 2 : -1;
        }
    }

    // ------------------------------------------------------------------------------------------- snapshot

    /**
     * Immutable apart from the entity rows: the entities in id order (dense indexes), the aliases, their whole
     * names and word suffixes sorted for prefix lookup, their trigrams and trigram postings.
     */
    private static final class Snapshot {
        final long[] entityIds;
        /** Replaced in place when a row changes ({@link #update}); null until its row is known. */
        final Entity[] entities;
        final int[] aliasEntity;
        final String[] names;
        final long[][] aliasTrigrams;
        /** Every whole name and every suffix starting at a word, sorted; {@code keyAlias[i]} is its alias. */
        final String[] keys;
        final int[] keyAlias;
        final Map<Long, int[]> postings;

        private Snapshot(long[] entityIds, Entity[] entities, int[] aliasEntity, String[] names, long[][] aliasTrigrams,
                         String[] keys, int[] keyAlias, Map<Long, int[]> postings) {
            this.entityIds = entityIds;
            this.entities = entities;
            this.aliasEntity = aliasEntity;
            this.names = names;
            this.aliasTrigrams = aliasTrigrams;
            this.keys = keys;
            this.keyAlias = keyAlias;
            this.postings = postings;
        }

        int dense(long entityId) {
            int d = Arrays.binarySearch(entityIds, entityId);
            return d >= 0 ? d : -1;
        }

        void update(Entity e) {
            int d = dense(e.id());
            if (d >= 0) {
                entities[d] = e;
            }
        }

        static Snapshot build(List<Alias> all, Collection<Entity> rows) {
            long[] ids = new long[all.size() + rows.size()];
            int k = 0;
            for (Alias a : all) {
                ids[k++] = a.entityId();
            }
            for (Entity e : rows) {
                ids[k++] = e.id();
            }
            long[] entityIds = distinct(ids);
            Entity[] entities = new Entity[entityIds.length];
            for (Entity e : rows) {
                entities[Arrays.binarySearch(entityIds, e.id())] = e;
            }
            int n = all.size();
            int[] aliasEntity = new int[n];
            String[] names = new String[n];
            long[][] aliasTrigrams = new long[n][];
            List<Object[]> keyList = new ArrayList<>(n * 2);
            Map<Long, int[]> post = new HashMap<>();
            Map<Long, Integer> postLen = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Alias a = all.get(i);
                aliasEntity[i] = Arrays.binarySearch(entityIds, a.entityId());
                String name = a.nameNorm();
                names[i] = name;
                keyList.add(new Object[] {name, i});
                for (int p = name.indexOf(' '); p >= 0; p = name.indexOf(' ', p + 1)) {
                    if (p + 1 < name.length()) {
                        keyList.add(new Object[] {name.substring(p + 1), i});
                    }
                }
                aliasTrigrams[i] = trigramCodes(name);
                for (long t : distinct(aliasTrigrams[i])) {
                    int[] l = post.get(t);
                    int len = l == null ? 0 : postLen.get(t);
                    if (l == null) {
                        l = new int[4];
                    } else if (len == l.length) {
                        l = Arrays.copyOf(l, len * 2);
                    }
                    l[len] = i;
                    post.put(t, l);
                    postLen.put(t, len + 1);
                }
            }
            keyList.sort((x, y) -> ((String) x[0]).compareTo((String) y[0]));
            String[] keys = new String[keyList.size()];
            int[] keyAlias = new int[keyList.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (String) keyList.get(i)[0];
                keyAlias[i] = (Integer) keyList.get(i)[1];
            }
            Map<Long, int[]> postings = new HashMap<>(post.size() * 2);
            post.forEach((t, l) -> postings.put(t, Arrays.copyOf(l, postLen.get(t))));
            return new Snapshot(entityIds, entities, aliasEntity, names, aliasTrigrams, keys, keyAlias, postings);
        }

        void match(String q, Scratch scratch) {
            // exact and prefix: the range of keys starting with q
            int lo = Arrays.binarySearch(keys, q);
            if (lo < 0) {
                lo = -lo - 1;
            }
            while (lo > 0 && keys[lo - 1].equals(q)) {
                lo--;
            }
            for (int i = lo; i < keys.length && keys[i].startsWith(q); i++) {
                int a = keyAlias[i];
                scratch.offer(aliasEntity[a], q.equals(names[a]) ? 0 : 1);
            }
            // fuzzy: candidates sharing at least 60 % of the query's trigrams (a bound on the similarity), then
            // the similarity itself, for entities not matched better already
            long[] qt = distinct(trigramCodes(q));
            if (qt.length == 0) {
                return;
            }
            int need = (int) Math.ceil(FUZZY_THRESHOLD * qt.length - 1e-9);
            int[] counts = scratch.counts;
            int[] touched = new int[256];
            int nTouched = 0;
            try {
                for (long t : qt) {
                    int[] p = postings.get(t);
                    if (p != null) {
                        for (int a : p) {
                            if (counts[a]++ == 0) {
                                if (nTouched == touched.length) {
                                    touched = Arrays.copyOf(touched, nTouched * 2);
                                }
                                touched[nTouched++] = a;
                            }
                        }
                    }
                }
                for (int i = 0; i < nTouched; i++) {
                    int a = touched[i];
                    if (counts[a] >= need && scratch.tier[aliasEntity[a]] == 0
                            && wordSimilarity(qt, aliasTrigrams[a]) >= FUZZY_THRESHOLD) {
                        scratch.offer(aliasEntity[a], 2);
                    }
                }
            } finally {
                for (int i = 0; i < nTouched; i++) {
                    counts[touched[i]] = 0;
                }
            }
        }
    }
}
