package org.claimwire.ingest.normalise;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.util.StringUtil;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * OpenNLP's language-detection model (a maxent model over the distinct character 1-, 2- and 3-grams of the
 * normalised, lower-cased text) evaluated without the per-call garbage of {@code LanguageDetectorME}: that
 * class builds a map of {@code CharBuffer} n-grams, copies each into a {@code String}, looks each up in the
 * model's string map, and sorts 103 {@code Language} objects. Here an n-gram of at most three chars is packed
 * into a {@code long}, looked up in a flat open-addressing table built once from the model's own parameters,
 * and summed straight into the outcome scores. Same normalisers (OpenNLP's instances, in the model factory's
 * order), same lower-casing ({@link StringUtil#toLowerCaseCharBuffer}), same features, same parameters, same
 * uniform prior and soft-max as {@code GISModel.eval}; only the order in which features are added differs,
 * which moves scores in the last bits of a double ({@code FlatLanguageModelTest} checks the two agree).
 *
 * <p>Thread-safe: the tables are read-only; per-call scratch space is per thread.
 */
public final class FlatLanguageModel {
    /** The model factory's normalisers, in its order (opennlp-tools 2.5 {@code LanguageDetectorFactory}). */
    private static final CharSequenceNormalizer NORMALISER = new AggregateCharSequenceNormalizer(
            EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());
    static final int MIN_GRAM = 1;
    static final int MAX_GRAM = 3;

    private final String[] outcomes;
    /**
     * Open addressing, key and value side by side (one cache line per probe: the table is megabytes and each
     * story asks it ~900 times): {@code table[2i]} = packed n-gram (0 = empty), {@code table[2i + 1]} = feature
     * number (bits 0-23), its parameter count (bits 24-31) and the offset of its parameters (bits 32-63).
     */
    private final long[] table;
    private final int mask;
    /** Feature parameters, by offset: outcome index and weight. */
    private final int[] featureOutcomes;
    private final double[] featureParams;
    private final double logPrior;
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final int[] seenAt;
        int generation;
        final double[] scores;

        Scratch(int features, int outcomes) {
            seenAt = new int[features];
            scores = new double[outcomes];
        }
    }

    /** The best and runner-up outcome with their probabilities. */
    public record Ranked(String best, double bestProbability, String second, double secondProbability) {
    }

    public FlatLanguageModel(LanguageDetectorModel model) {
        if (!(model.getMaxentModel() instanceof AbstractModel maxent)
                || maxent.getModelType() != AbstractModel.ModelType.Maxent) {
            throw new IllegalArgumentException("expected a GIS maxent language model, got "
                    + model.getMaxentModel().getClass().getName());
        }
        Object[] data = maxent.getDataStructures();
        // opennlp-tools 2.5 keeps feature -> Context (outcome indices + parameters) in data[1]
        Map<?, ?> pmap = (Map<?, ?>) data[1];
        outcomes = ((String[]) data[2]).clone();
        logPrior = Math.log(1.0 / outcomes.length);

        int n = pmap.size();
        if (n >= 1 << 24 || outcomes.length > 255) {
            throw new IllegalArgumentException("model too large for the packed table: " + n + " features, "
                    + outcomes.length + " outcomes");
        }
        int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        table = new long[2 * capacity];
        mask = capacity - 1;
        String[] grams = new String[n];
        Context[] contexts = new Context[n];
        int f = 0;
        int total = 0;
        for (Map.Entry<?, ?> e : pmap.entrySet()) {
            grams[f] = (String) e.getKey();
            contexts[f] = e.getValue() instanceof Context c ? c : ((Context[]) data[0])[(Integer) e.getValue()];
            total += contexts[f].getOutcomes().length;
            f++;
        }
        featureOutcomes = new int[total];
        featureParams = new double[total];
        int at = 0;
        for (f = 0; f < n; f++) {
            String gram = grams[f];
            if (gram.length() < MIN_GRAM || gram.length() > MAX_GRAM) {
                continue; // never produced by the context generator: unreachable, leave it out
            }
            Context c = contexts[f];
            int count = c.getOutcomes().length;
            System.arraycopy(c.getOutcomes(), 0, featureOutcomes, at, count);
            System.arraycopy(c.getParameters(), 0, featureParams, at, count);
            put(pack(gram, 0, gram.length()), f | ((long) count << 24) | ((long) at << 32));
            at += count;
        }
        scratch = ThreadLocal.withInitial(() -> new Scratch(n, outcomes.length));
    }

    /** Up to three chars and the length in one long: distinct n-grams give distinct keys. */
    private static long pack(char[] s, int from, int len) {
        long k = (long) len << 48;
        for (int i = 0; i < len; i++) {
            k |= (long) s[from + i] << (32 - 16 * i);
        }
        return k;
    }

    private static long pack(CharSequence s, int from, int len) {
        long k = (long) len << 48;
        for (int i = 0; i < len; i++) {
            k |= (long) s.charAt(from + i) << (32 - 16 * i);
        }
        return k;
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    private void put(long k, long value) {
        int i = hash(k) & mask;
        while (table[2 * i] != 0) {
            i = (i + 1) & mask;
        }
        table[2 * i] = k;
        table[2 * i + 1] = value;
    }

    /** The packed value of n-gram {@code k}, or -1 when the model has no such feature. */
    private long feature(long k) {
        int i = hash(k) & mask;
        while (true) {
            long key = table[2 * i];
            if (key == k) {
                return table[2 * i + 1];
            }
            if (key == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** The two most probable languages (ISO 639-3 as the model names them) for {@code text}. */
    public Ranked rank(CharSequence text) {
        CharBuffer chars = StringUtil.toLowerCaseCharBuffer(NORMALISER.normalize(text));
        Scratch s = scratch.get();
        int gen = ++s.generation;
        if (gen == Integer.MAX_VALUE) {
            Arrays.fill(s.seenAt, 0);
            s.generation = gen = 1;
        }
        double[] scores = s.scores;
        Arrays.fill(scores, logPrior);
        int length = chars.length();
        char[] a = new char[length];
        chars.get(chars.position(), a, 0, length);
        for (int len = MIN_GRAM; len <= MAX_GRAM; len++) {
            for (int i = 0; i + len <= length; i++) {
                long v = feature(pack(a, i, len));
                if (v < 0) {
                    continue; // not in the model
                }
                int f = (int) (v & 0xFFFFFF);
                if (s.seenAt[f] == gen) {
                    continue; // already counted (features are distinct n-grams)
                }
                s.seenAt[f] = gen;
                int from = (int) (v >>> 32);
                int to = from + (int) ((v >>> 24) & 0xFF);
                for (int j = from; j < to; j++) {
                    scores[featureOutcomes[j]] += featureParams[j];
                }
            }
        }
        double normal = 0;
        for (int o = 0; o < scores.length; o++) {
            scores[o] = StrictMath.exp(scores[o]);
            normal += scores[o];
        }
        int best = -1;
        int second = -1;
        for (int o = 0; o < scores.length; o++) {
            if (best < 0 || scores[o] > scores[best]) {
                second = best;
                best = o;
            } else if (second < 0 || scores[o] > scores[second]) {
                second = o;
            }
        }
        return new Ranked(outcomes[best], scores[best] / normal,
                second < 0 ? null : outcomes[second], second < 0 ? 0 : scores[second] / normal);
    }
}
