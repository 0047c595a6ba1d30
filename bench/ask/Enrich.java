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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.EventJson;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.nlp.pipeline.Enricher;
import org.claimwire.nlp.pipeline.NlpPipeline;

/**
 * Enriches the first N stories of Reuters-21578 with nlp-service's own pipeline (plain Java, no Kafka) and writes
 * one EnrichedStory JSON per line: the input of the ask evaluation (Eval.java). Stories are built as the soak run
 * sends them (headline, body without the trailing "Reuter", the dateline date as versionCreated, source Reuters;
 * hard-wrapped lines kept, as ingest keeps them). The output stays under bench/ask/target (never committed: it
 * holds corpus text).
 *
 * java -cp <nlp-service classpath> Enrich.java REUTERS_DIR N OUT.ndjson [THREADS]
 */
public class Enrich {
    static final Pattern ITEM = Pattern.compile("<REUTERS[^>]*NEWID=\"(\\d+)\"[^>]*>(.*?)</REUTERS>", Pattern.DOTALL);
    static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
    static final Pattern DATE = Pattern.compile("<DATE>\\s*(.*?)\\s*</DATE>", Pattern.DOTALL);
    static final DateTimeFormatter REUTERS_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss", Locale.ENGLISH);

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<Story> stories = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.(xml|sgm)")).sorted().toList()) {
                Matcher m = ITEM.matcher(Files.readString(f, StandardCharsets.ISO_8859_1));
                while (m.find() && stories.size() < n) {
                    Story s = story(m.group(1), m.group(2));
                    if (s != null) {
                        stories.add(s);
                    }
                }
                if (stories.size() >= n) {
                    break;
                }
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

    static Story story(String newId, String raw) {
        Matcher b = BODY.matcher(raw);
        if (!b.find()) {
            return null;
        }
        Matcher t = TITLE.matcher(raw);
        Matcher d = DATE.matcher(raw);
        Instant created = null;
        if (d.find()) {
            try {
                created = LocalDateTime.parse(d.group(1).replaceAll("\\.\\d+$", ""), REUTERS_DATE).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e) {
                // undated: no versionCreated
            }
        }
        String body = unescape(b.group(1)).replaceAll("\\s*Reuter\\s*$", "").trim();
        return new Story("urn:reuters21578:" + newId, 1, created, created, PubStatus.USABLE, "en",
                t.find() ? unescape(t.group(1)).trim() : "", null, body, null, List.of(),
                List.of(new Story.InfoSource("Reuters", "source", null)), null, "reuters21578", null, null);
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#3;", "")
                .replace("&amp;", "&");
    }
}
