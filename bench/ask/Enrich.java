import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.EventJson;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.nlp.Enricher;
import org.claimwire.nlp.pipeline.NlpPipeline;
import org.claimwire.testsupport.ReutersCorpus;

/**
 * Enriches the first N stories of Reuters-21578 with nlp-service's own pipeline (plain Java, no Kafka) and writes
 * one EnrichedStory JSON per line: the input of the ask evaluation (Eval.java). Stories are built as the soak run
 * sends them (headline, body without the trailing "Reuter", the dateline date as versionCreated, source Reuters;
 * hard-wrapped lines kept, as ingest keeps them). The output stays under bench/ask/target (never committed: it
 * holds corpus text).
 *
 * java -cp <nlp-service test classpath> Enrich.java REUTERS_DIR N OUT.ndjson [THREADS] (test-support's ReutersCorpus
 * reads the corpus)
 */
public class Enrich {
    static final DateTimeFormatter REUTERS_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss", Locale.ENGLISH);

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<Story> stories = new java.util.ArrayList<>();
        for (ReutersCorpus.Item item : ReutersCorpus.read(corpus)) {
            if (stories.size() >= n) {
                break;
            }
            if (item.body() != null) {
                stories.add(story(item));
            }
        }
        System.out.printf("stories: %d%n", stories.size());
        Files.createDirectories(out.toAbsolutePath().getParent());
        ThreadLocal<Enricher> enricher = ThreadLocal.withInitial(() -> new Enricher(new NlpPipeline()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> results = stories.stream().map(s -> pool.submit(() -> {
            LocalDate ref = s.versionCreated() == null ? null : LocalDate.ofInstant(s.versionCreated(), ZoneOffset.UTC);
            Enrichment e = enricher.get().enrich(s.body(), s.language(), ref);
            return EventJson.mapper().writeValueAsString(new EnrichedStory(s, e, Enricher.MODEL, Instant.now()));
        })).toList();
        long t0 = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            int done = 0;
            for (Future<String> f : results) {
                w.write(f.get());
                w.write('\n');
                if (++done % 200 == 0) {
                    System.out.printf("enriched %d (%.1f stories/s)%n", done, done / ((System.nanoTime() - t0) / 1e9));
                }
            }
        }
        pool.shutdown();
        System.out.printf("wrote %s%n", out);
    }

    static Story story(ReutersCorpus.Item item) {
        Instant created = null;
        if (item.date() != null) {
            try {
                created = LocalDateTime.parse(item.date().replaceAll("\\.\\d+$", ""), REUTERS_DATE).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e) {
                // undated: no versionCreated
            }
        }
        String body = item.body().replaceAll("\\s*Reuter\\s*$", "").trim();
        return new Story("urn:reuters21578:" + item.newId(), 1, created, created, PubStatus.USABLE, "en",
                item.title() == null ? "" : item.title(), null, body, null, List.of(),
                List.of(new Story.InfoSource("Reuters", "source", null)), null, "reuters21578", null, null);
    }
}
