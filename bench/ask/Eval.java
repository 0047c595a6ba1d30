import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.EventJson;
import org.claimwire.query.TestSchema;
import org.claimwire.query.ask.AskAnswer;
import org.claimwire.query.ask.AskService;
import org.claimwire.query.persistence.JdbcClaimIndex;
import org.claimwire.query.persistence.StoryStore;
import org.claimwire.testsupport.EmbeddedPostgresServer;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The ask evaluation on real wire copy. Loads enriched Reuters-21578 stories (Enrich.java's output) into a fresh
 * query schema through query-service's own StoryStore, then asks every question of questions.tsv through
 * AskService over the PostgreSQL claim index (what GET /api/v1/ask runs) and checks each answer against its
 * expectation. The database is kept under bench/ask/target/eval-pg and reused when LOADED marks it complete.
 *
 * questions.tsv: question TAB expect TAB speaker TAB stance TAB words
 *   expect  ANSWER (a cited answer is right) or NONE (nothing stored answers it: "not found" is right)
 *   speaker a part of the first citation's speaker ("-": any)
 *   stance  the first citation's stance ("-": any)
 *   words   "|"-separated; one of them must occur in the first citation's text, attribution or headline ("-": none)
 * An answer is correct when answered/not answered as expected and, if answered, its first citation meets the
 * speaker, stance and words given; a first citation that misses them is off-topic.
 *
 * java -cp <query-service test classpath> Eval.java ENRICHED.ndjson QUESTIONS.tsv WORK_DIR [-v]
 */
public class Eval {
    record Expect(String question, boolean answer, String speaker, String stance, List<String> words) {
    }

    public static void main(String[] args) throws Exception {
        Path enriched = Path.of(args[0]);
        Path questions = Path.of(args[1]);
        Path work = Path.of(args[2]);
        boolean verbose = args.length > 3 && args[3].equals("-v");
        Path data = work.resolve("eval-pg");
        Path loaded = work.resolve("eval-pg.LOADED");
        boolean reuse = Files.exists(loaded) && Files.readString(loaded).strip().equals(enriched.toAbsolutePath() + " " + Files.size(enriched));
        if (!reuse) {
            deleteTree(data);
            Files.deleteIfExists(loaded);
        }
        Files.createDirectories(data);
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(work.resolve("pgbin"), data, 0);
        try {
            PGSimpleDataSource ds = TestSchema.migrated(pg.jdbcUrl());
            if (!reuse) {
                load(ds, enriched);
                Files.writeString(loaded, enriched.toAbsolutePath() + " " + Files.size(enriched));
            }
            evaluate(new AskService(new JdbcClaimIndex(ds)), read(questions), verbose);
        } finally {
            pg.close();
        }
    }

    static void load(PGSimpleDataSource ds, Path enriched) throws Exception {
        StoryStore store = new StoryStore();
        long t0 = System.nanoTime();
        int n = 0;
        try (Connection c = ds.getConnection(); BufferedReader r = Files.newBufferedReader(enriched, StandardCharsets.UTF_8)) {
            c.setAutoCommit(false);
            String line;
            while ((line = r.readLine()) != null) {
                EnrichedStory es = EventJson.mapper().readValue(line, EnrichedStory.class);
                store.store(c, es, "eval:" + es.story().uri() + ":" + es.story().version());
                c.commit();
                n++;
            }
            try (var st = c.createStatement()) {
                st.execute("ANALYZE");
            }
            c.commit();
        }
        System.out.printf("loaded %d stories in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }

    static List<Expect> read(Path file) throws Exception {
        List<Expect> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 5) {
                throw new IllegalArgumentException("want 5 tab-separated fields: " + line);
            }
            out.add(new Expect(f[0].strip(), f[1].strip().equals("ANSWER"), dash(f[2]), dash(f[3]),
                    dash(f[4]) == null ? List.of() : List.of(f[4].strip().split("\\|"))));
        }
        return out;
    }

    static String dash(String s) {
        return s.isBlank() || s.strip().equals("-") ? null : s.strip();
    }

    static void evaluate(AskService ask, List<Expect> expects, boolean verbose) {
        int correct = 0, answered = 0, firstOk = 0, expectAnswer = 0, expectNone = 0, noneOk = 0, answerOk = 0;
        int answeredExpecting = 0;
        List<Long> micros = new ArrayList<>();
        for (Expect e : expects) {
            long t0 = System.nanoTime();
            AskAnswer a = ask.ask(e.question());
            micros.add((System.nanoTime() - t0) / 1000);
            String verdict;
            boolean ok;
            if (a.answered()) {
                answered++;
                AskAnswer.Citation c = a.citations().get(0);
                boolean first = matches(e, c);
                if (e.answer()) {
                    answeredExpecting++;
                    firstOk += first ? 1 : 0;
                }
                ok = e.answer() && first;
                verdict = ok ? "ok" : e.answer() ? "OFF-TOPIC" : "SHOULD-NOT-ANSWER";
            } else {
                ok = !e.answer();
                verdict = ok ? "ok (not found)" : "MISSED";
            }
            if (e.answer()) {
                expectAnswer++;
                answerOk += ok ? 1 : 0;
            } else {
                expectNone++;
                noneOk += ok ? 1 : 0;
            }
            correct += ok ? 1 : 0;
            if (verbose || !ok) {
                System.out.printf("%-18s %s%n", verdict, e.question());
                if (a.answered()) {
                    AskAnswer.Citation c = a.citations().get(0);
                    System.out.printf("    first: [%s/%s] %s%n", c.speaker(), c.stance(), oneLine(c.text()));
                    System.out.printf("    answer: %s%n", oneLine(a.answer()));
                } else if (verbose) {
                    System.out.printf("    suggestions: %s%n", a.relatedQuestions());
                }
            }
        }
        micros.sort(null);
        System.out.printf(Locale.ROOT, "%nquestions %d (expect an answer %d, expect none %d)%n", expects.size(), expectAnswer, expectNone);
        System.out.printf(Locale.ROOT, "answered correctly: %d/%d = %.1f %% (answerable right %d/%d, unanswerable right %d/%d)%n",
                correct, expects.size(), 100.0 * correct / expects.size(), answerOk, expectAnswer, noneOk, expectNone);
        System.out.printf(Locale.ROOT, "answered %d; first-citation precision: %d/%d = %.1f %% (answered questions that expect an answer whose first citation meets the expectation)%n",
                answered, firstOk, answeredExpecting, 100.0 * firstOk / Math.max(1, answeredExpecting));
        System.out.printf(Locale.ROOT, "ask latency in process: p50 %.1f ms, p90 %.1f ms, max %.1f ms%n",
                micros.get(micros.size() / 2) / 1000.0, micros.get(micros.size() * 9 / 10) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
    }

    static boolean matches(Expect e, AskAnswer.Citation c) {
        if (e.speaker() != null && (c.speaker() == null || !c.speaker().toLowerCase(Locale.ROOT).contains(e.speaker().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (e.stance() != null && !e.stance().equals(c.stance())) {
            return false;
        }
        if (e.words().isEmpty()) {
            return true;
        }
        String hay = (c.text() + " " + c.attribution() + " " + c.headline()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return e.words().stream().anyMatch(w -> hay.contains(w.toLowerCase(Locale.ROOT)));
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 220 ? t.substring(0, 220) + "…" : t;
    }

    static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (var files = Files.walk(p)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
