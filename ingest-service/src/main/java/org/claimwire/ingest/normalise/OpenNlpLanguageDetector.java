package org.claimwire.ingest.normalise;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Apache OpenNLP's language detector with its published 103-language model ({@code langdetect-183.bin}
 * from {@code opennlp-models-langdetect}). The model answers ISO 639-3; this maps to ISO 639-1 where
 * one exists. Only the first {@link #MAX_CHARS} characters are looked at (enough for a stable answer,
 * and it keeps detection well under a millisecond). Below {@link #MIN_CONFIDENCE}, or when the runner-up is at least half as likely, it answers null.
 * The model is evaluated by {@link FlatLanguageModel} (same features, parameters and arithmetic as OpenNLP's
 * {@code LanguageDetectorME}, a fraction of its allocation).
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {
    static final int MAX_CHARS = 300;
    static final double MIN_CONFIDENCE = 0.05;
    private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();
    static {
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                ISO3_TO_ISO1.putIfAbsent(new Locale(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException ignored) {
                // no 3-letter code
            }
        }
        // OpenNLP's model uses some ISO 639-3 individual codes where Java knows the macrolanguage
        ISO3_TO_ISO1.put("cmn", "zh");
        ISO3_TO_ISO1.put("pes", "fa");
        ISO3_TO_ISO1.put("zsm", "ms");
        ISO3_TO_ISO1.put("lvs", "lv");
        ISO3_TO_ISO1.put("ekk", "et");
        ISO3_TO_ISO1.put("nob", "nb");
        ISO3_TO_ISO1.put("nno", "nn");
        ISO3_TO_ISO1.put("arb", "ar");
        ISO3_TO_ISO1.put("swh", "sw");
        ISO3_TO_ISO1.put("uzn", "uz");
        ISO3_TO_ISO1.put("azj", "az");
        ISO3_TO_ISO1.put("khk", "mn");
        ISO3_TO_ISO1.put("npi", "ne");
        ISO3_TO_ISO1.put("plt", "mg");
        ISO3_TO_ISO1.put("ydd", "yi");
    }

    private final FlatLanguageModel model;

    public OpenNlpLanguageDetector(LanguageDetectorModel model) {
        this.model = new FlatLanguageModel(model);
    }

    /** Loads the model shipped in {@code opennlp-models-langdetect} from the classpath. */
    public static OpenNlpLanguageDetector fromClasspath() {
        try (InputStream in = OpenNlpLanguageDetector.class.getClassLoader().getResourceAsStream("langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("langdetect-183.bin not on the classpath (opennlp-models-langdetect)");
            }
            return new OpenNlpLanguageDetector(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the OpenNLP language model", e);
        }
    }

    @Override
    public String detect(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        FlatLanguageModel.Ranked ranked = model.rank(sample);
        if (ranked.bestProbability() < MIN_CONFIDENCE || ranked.bestProbability() < 2 * ranked.secondProbability()) {
            return null;
        }
        return toIso1(ranked.best());
    }

    static String toIso1(String iso3) {
        return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
    }
}
