import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimwire.events.EventJson;
import org.claimwire.events.Story;
import org.claimwire.ingest.dedupe.Deduplicator;
import org.claimwire.ingest.dedupe.MinHasher;
import org.claimwire.ingest.formats.NinjsParser;
import org.claimwire.ingest.formats.StoryDraft;
import org.claimwire.ingest.normalise.ContentHash;
import org.claimwire.ingest.normalise.FastPathLanguageDetector;
import org.claimwire.ingest.normalise.LanguageDetector;
import org.claimwire.ingest.normalise.OpenNlpLanguageDetector;
import org.claimwire.ingest.normalise.StoryNormaliser;
import org.claimwire.ingest.normalise.text.Furniture;
import org.claimwire.ingest.normalise.text.TextSanitiser;
import org.claimwire.testsupport.ReutersCorpus;

/**
 * Per-stage CPU time of the ingest path on the Reuters stories, in one thread, no broker or database
 * (java -cp ... StageProfile.java CORPUS_DIR). Thread CPU time, so other load on the machine matters little.
 * Run by bench/ingest/profile.sh.
 */
public class StageProfile {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    interface Stage {
        Object run(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = readCorpus(Path.of(args[0]));
        int n = lines.size();
        List<StoryDraft> drafts = new ArrayList<>();
        for (String l : lines) {
            drafts.add(NinjsParser.parse(l));
        }
        LanguageDetector fallback = OpenNlpLanguageDetector.fromClasspath();
        LanguageDetector lang = new FastPathLanguageDetector(fallback);
        StoryNormaliser norm = new StoryNormaliser(lang, Clock.systemUTC());
        List<String> bodies = new ArrayList<>();
        List<String> cleaned = new ArrayList<>();
        for (StoryDraft d : drafts) {
            bodies.add(d.body());
            cleaned.add(Furniture.strip(TextSanitiser.cleanBlock(d.body())));
        }
        List<Story> stories = new ArrayList<>();
        for (StoryDraft d : drafts) {
            stories.add(norm.normalise(d, null).story());
        }
        int fellThrough = 0;
        int[] asked = new int[1];
        LanguageDetector counting = t -> {
            asked[0]++;
            return fallback.detect(t);
        };
        LanguageDetector withSkip = new FastPathLanguageDetector(counting);
        Map<String, Integer> differs = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            String text = drafts.get(i).headline() + "\n" + cleaned.get(i);
            String guess = fastGuess(text);
            if (guess == null) {
                fellThrough++;
                String always = fallback.detect(text); // fast path, then OpenNLP on everything left
                String now = withSkip.detect(text);
                if (!java.util.Objects.equals(always, now)) {
                    differs.merge(always + " -> " + now, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d stories; fast-path language guess falls through on %d (%.0f%%); OpenNLP asked on %d "
                + "(number tables skipped); answers that differ from always asking OpenNLP: %s%n", n, fellThrough,
                100.0 * fellThrough / n, asked[0], differs);
        // OpenNLP's own evaluator, as the service used it before FlatLanguageModel: same decision rule
        opennlp.tools.langdetect.LanguageDetectorModel model;
        try (java.io.InputStream in = StageProfile.class.getClassLoader().getResourceAsStream("langdetect-183.bin")) {
            model = new opennlp.tools.langdetect.LanguageDetectorModel(in);
        }
        opennlp.tools.langdetect.LanguageDetectorME me = new opennlp.tools.langdetect.LanguageDetectorME(model);
        LanguageDetector reference = t -> {
            String sample = t.length() > 300 ? t.substring(0, 300) : t;
            opennlp.tools.langdetect.Language[] r = me.predictLanguages(sample);
            double second = r.length > 1 ? r[1].getConfidence() : 0;
            return r[0].getConfidence() < 0.05 || r[0].getConfidence() < 2 * second ? null : r[0].getLang();
        };
        org.claimwire.ingest.normalise.FlatLanguageModel flat = new org.claimwire.ingest.normalise.FlatLanguageModel(model);
        int disagree = 0;
        for (int i = 0; i < n; i++) {
            String text = drafts.get(i).headline() + "\n" + cleaned.get(i);
            String sample = text.length() > 300 ? text.substring(0, 300) : text;
            org.claimwire.ingest.normalise.FlatLanguageModel.Ranked r = flat.rank(sample);
            String got = r.bestProbability() < 0.05 || r.bestProbability() < 2 * r.secondProbability() ? null : r.best();
            if (!java.util.Objects.equals(got, reference.detect(text))) {
                disagree++;
            }
        }
        System.out.printf("OpenNLP model on all %d stories: FlatLanguageModel and LanguageDetectorME disagree on %d%n", n, disagree);
        Map<String, Stage> stages = new java.util.LinkedHashMap<>();
        stages.put("OpenNLP LanguageDetectorME, every story", i -> reference.detect(drafts.get(i).headline() + "\n" + cleaned.get(i)));
        opennlp.tools.util.normalizer.CharSequenceNormalizer norms = new opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer(
                opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer.getInstance(), opennlp.tools.util.normalizer.UrlCharSequenceNormalizer.getInstance(),
                opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer.getInstance(), opennlp.tools.util.normalizer.NumberCharSequenceNormalizer.getInstance(),
                opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer.getInstance());
        stages.put("  of which OpenNLP's normalisers", i -> {
            String t = drafts.get(i).headline() + "\n" + cleaned.get(i);
            return opennlp.tools.util.StringUtil.toLowerCaseCharBuffer(norms.normalize(t.length() > 300 ? t.substring(0, 300) : t));
        });
        stages.put("OpenNLP FlatLanguageModel, every story", i -> fallback.detect(drafts.get(i).headline() + "\n" + cleaned.get(i)));
        stages.put("json parse (NinjsParser)", i -> NinjsParser.parse(lines.get(i)));
        stages.put("cleanBlock", i -> TextSanitiser.cleanBlock(bodies.get(i)));
        stages.put("furniture", i -> Furniture.strip(cleaned.get(i)));
        stages.put("contentHash", i -> ContentHash.of(drafts.get(i).headline(), cleaned.get(i)));
        stages.put("language (fast path + fallback)", i -> lang.detect(drafts.get(i).headline() + "\n" + cleaned.get(i)));
        stages.put("minhash", i -> MinHasher.signature(cleaned.get(i)));
        stages.put("normalise + dedupe candidate (all above but parse)", i -> {
            StoryNormaliser.Normalised nd = norm.normalise(drafts.get(i), null);
            return Deduplicator.Candidate.of(nd.story(), nd.versionCreatedGiven()); // the MinHash is made here now
        });
        stages.put("story -> JSON", i -> EventJson.mapper().writeValueAsString(stories.get(i)));
        for (int rep = 0; rep < 3; rep++) {
            boolean print = rep == 2;
            for (Map.Entry<String, Stage> e : stages.entrySet()) {
                long c0 = MX.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    e.getValue().run(i);
                }
                long c1 = MX.getCurrentThreadCpuTime();
                if (print) {
                    System.out.printf("  %-40s %8.1f us/story (CPU)%n", e.getKey(), (c1 - c0) / 1e3 / n);
                }
            }
        }
    }

    static String fastGuess(String text) throws Exception {
        var m = FastPathLanguageDetector.class.getDeclaredMethod("guess", String.class);
        m.setAccessible(true);
        return (String) m.invoke(null, text);
    }

    static List<String> readCorpus(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        for (ReutersCorpus.Item i : ReutersCorpus.read(dir)) {
            String body = i.body() == null ? "" : i.body().replaceAll("\\s*\\n\\s*", "\n").trim();
            if (!body.isEmpty()) {
                Map<String, Object> j = new HashMap<>();
                j.put("uri", "urn:reuters21578:" + i.newId());
                j.put("headline", i.title());
                j.put("body", body);
                out.add(EventJson.mapper().writeValueAsString(j));
            }
        }
        return out;
    }

}
