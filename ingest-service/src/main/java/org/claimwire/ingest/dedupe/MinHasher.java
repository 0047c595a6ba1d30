package org.claimwire.ingest.dedupe;

/**
 * MinHash signatures over word 3-shingles of the normalised body. Two signatures agree in a fraction
 * of positions that estimates the Jaccard similarity of the two shingle sets; syndicated copies with
 * small edits (a changed dateline, a dropped sentence, a different headline) stay well above 0.6
 * while unrelated stories sit near 0.
 */
public final class MinHasher {
    public static final int NUM_HASHES = 64;
    public static final int SHINGLE = 3;
    /** Texts with fewer shingles than this are too short to call near-duplicates. */
    public static final int MIN_SHINGLES = 12;
    /**
     * Stored with every signature: signatures of another version are not comparable. Version 1 mixed each
     * shingle hash 64 times (a full 64-bit mixer per hash function); version 2 mixes it once and derives the
     * 64 hash functions by multiply-add (a universal family), about four times cheaper per story.
     */
    public static final byte VERSION = 2;

    /** Odd multipliers and offsets of the 64 hash functions. */
    private static final long[] MUL = new long[NUM_HASHES];
    private static final long[] ADD = new long[NUM_HASHES];
    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < NUM_HASHES; i++) {
            x = mix64(x + 0x632BE59BD9B4E019L * (i + 1));
            MUL[i] = x | 1L;
            x = mix64(x + 0x632BE59BD9B4E019L * (i + 1));
            ADD[i] = x;
        }
    }

    private MinHasher() {
    }

    /** The signature, or null when the text is too short to compare. */
    public static int[] signature(String body) {
        long[] words = wordHashes(body);
        int shingles = words.length - SHINGLE + 1;
        if (shingles < MIN_SHINGLES) {
            return null;
        }
        long[] mins = new long[NUM_HASHES];
        java.util.Arrays.fill(mins, Long.MAX_VALUE);
        for (int s = 0; s < shingles; s++) {
            long h = words[s];
            for (int k = 1; k < SHINGLE; k++) {
                h = h * 0x100000001B3L ^ words[s + k];
            }
            h = mix64(h);
            for (int i = 0; i < NUM_HASHES; i++) {
                long v = (h * MUL[i] + ADD[i]) >>> 1; // high bits decide the minimum; they depend on all of h
                if (v < mins[i]) {
                    mins[i] = v;
                }
            }
        }
        int[] sig = new int[NUM_HASHES];
        for (int i = 0; i < NUM_HASHES; i++) {
            sig[i] = (int) (mins[i] >>> 31);
        }
        return sig;
    }

    /** Fraction of agreeing positions: an estimate of the Jaccard similarity. */
    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < NUM_HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) NUM_HASHES;
    }

    /** 64-bit FNV-1a hashes of the lower-cased letter/digit runs of the text. */
    static long[] wordHashes(String text) {
        if (text == null) {
            return new long[0];
        }
        long[] out = new long[Math.max(16, text.length() / 5)];
        int n = 0;
        long h = 0;
        boolean in = false;
        for (int i = 0, len = text.length(); i <= len; i++) {
            char c = i < len ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                if (!in) {
                    h = 0xCBF29CE484222325L;
                    in = true;
                }
                h ^= Character.toLowerCase(c);
                h *= 0x100000001B3L;
            } else if (in) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = h;
                in = false;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
