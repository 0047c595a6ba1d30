import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.claimwire.nlp.Enricher;
import org.claimwire.nlp.pipeline.NlpPipeline;
import org.claimwire.testsupport.ReutersCorpus;

/**
 * Enrichment benchmark over Reuters-21578 bodies read from the corpus directory by test-support's
 * {@link ReutersCorpus} (never copied into the repository). Modes: {@code a} raw CoreNLP default pipeline,
 * {@code b} raw CoreNLP with the chosen annotators on every sentence, {@code c} the full Claimwire enrichment.
 * Single-file program run by bench/nlp/run.sh (one JVM per mode), so it stays out of the Maven build.
 *
 * <pre>java -cp CLASSPATH NlpBench.java --mode c --n 300 --threads 1 --corpus ../shared/corpora/reuters21578</pre>
 */
public final class NlpBench {

    public static void main(String[] args) throws Exception {
        String mode = "c";
        int n = 300;
        int threads = 1;
        int warmup = 20;
        Path corpus = Path.of("../shared/corpora/reuters21578");
        Path dump = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mode" -> mode = args[++i];
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--dump" -> dump = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!Files.isDirectory(corpus)) {
            System.out.println("corpus not found at " + corpus + ": skipped");
            return;
        }
        List<String> bodies = readBodies(corpus, n + warmup);
        List<String> warm = bodies.subList(0, Math.min(warmup, bodies.size()));
        List<String> run = bodies.subList(warm.size(), bodies.size());

        long t0 = System.nanoTime();
        Worker worker = switch (mode) {
            case "a" -> raw(defaultProps());
            case "b" -> raw(chosenProps());
            case "c" -> claimwire(dump != null);
            default -> throw new IllegalArgumentException("mode a|b|c");
        };
        double loadS = (System.nanoTime() - t0) / 1e9;
        for (String b : warm) {
            worker.process(b);
        }
        PeakHeap peak = new PeakHeap();
        peak.start();
        AtomicLong tokens = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processCpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (String b : run) {
            fs.add(pool.submit(() -> {
                long c0 = mx.getCurrentThreadCpuTime();
                tokens.addAndGet(worker.process(b));
                cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - c0);
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double processCpu = (os.getProcessCpuTime() - processCpu0) / 1e9;
        pool.shutdown();
        peak.stop = true;
        peak.join();
        System.gc();
        long usedAfterGc = heapUsed();
        String label = switch (mode) {
            case "a" -> "(a) raw CoreNLP default pipeline (3-class+7-class+4-class NER, fine-grained, SUTime, depparse)";
            case "b" -> "(b) raw CoreNLP chosen annotators on every sentence (4-class NER, no SUTime, depparse)";
            default -> "(c) full Claimwire enrichment (depparse only on cue sentences, entities, claims)";
        };
        double cpu = cpuNanos.get() / 1e9;
        System.out.println(label);
        System.out.printf(Locale.ROOT,
                "    per CPU-second of the whole process (incl. GC and JIT; the per-core rate on a machine shared"
                        + " with other load): stories/s=%.2f tokens/s=%.0f%n"
                        + "    per CPU-second of the worker threads only: stories/s=%.2f tokens/s=%.0f%n",
                run.size() / processCpu, tokens.get() / processCpu, run.size() / cpu, tokens.get() / cpu);
        System.out.printf(Locale.ROOT,
                "    stories=%d threads=%d tokens=%d time=%.1fs load=%.1fs%n"
                        + "    stories/s=%.2f  tokens/s=%.0f  per core: stories/s=%.2f tokens/s=%.0f%n"
                        + "    heap: peak used=%d MiB, after GC=%d MiB, max=%d MiB%n",
                run.size(), threads, tokens.get(), secs, loadS, run.size() / secs, tokens.get() / secs,
                run.size() / secs / threads, tokens.get() / secs / threads, peak.peak / (1 << 20), usedAfterGc / (1 << 20),
                Runtime.getRuntime().maxMemory() / (1 << 20));
        if (worker instanceof ClaimwireWorker cw) {
            System.out.printf(Locale.ROOT, "    sentences parsed: %d of %d (%.0f%%), claims=%d, entities=%d%n",
                    cw.parsed.get(), cw.sentences.get(), 100.0 * cw.parsed.get() / Math.max(1, cw.sentences.get()),
                    cw.claims.get(), cw.entities.get());
            if (dump != null) {
                cw.writeDump(dump, run);
                System.out.println("    enrichment and parses of the measured stories written to " + dump);
            }
        }
    }

    interface Worker {
        /** Processes one body, returns its token count. */
        long process(String body);
    }

    static Properties defaultProps() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse");
        return p;
    }

    static Properties chosenProps() {
        Properties p = NlpPipeline.taggerProperties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse");
        return p;
    }

    static Worker raw(Properties props) {
        StanfordCoreNLP nlp = new StanfordCoreNLP(props);
        return body -> {
            Annotation a = new Annotation(body);
            nlp.annotate(a);
            return a.get(CoreAnnotations.TokensAnnotation.class).size();
        };
    }

    static final class ClaimwireWorker implements Worker {
        final Enricher enricher = new Enricher(new NlpPipeline());
        /** Body -> one JSON line (enrichment, tokens and parses), kept only with --dump (for before/after diffs). */
        final java.util.Map<String, String> dumped;

        ClaimwireWorker(boolean dump) {
            dumped = dump ? new java.util.concurrent.ConcurrentHashMap<>() : null;
        }
        final AtomicLong parsed = new AtomicLong();
        final AtomicLong sentences = new AtomicLong();
        final AtomicLong claims = new AtomicLong();
        final AtomicLong entities = new AtomicLong();

        @Override
        public long process(String body) {
            Enricher.Result r = enricher.analyze(body, "en", LocalDate.of(1987, 3, 1));
            if (r.doc() == null) {
                return 0;
            }
            sentences.addAndGet(r.doc().sentences().size());
            parsed.addAndGet(r.doc().sentences().stream().filter(s -> s.parsed()).count());
            claims.addAndGet(r.enrichment().claims().size());
            entities.addAndGet(r.enrichment().entities().size());
            if (dumped != null) {
                dumped.put(body, dumpLine(r));
            }
            return r.doc().tokenCount();
        }

        static String dumpLine(Enricher.Result r) {
            var mapper = org.claimwire.events.EventJson.mapper();
            var line = mapper.createObjectNode();
            line.set("enrichment", mapper.valueToTree(r.enrichment()));
            var sentences = line.putArray("sentences");
            for (var s : r.doc().sentences()) {
                var o = sentences.addObject();
                o.put("tokens", s.tokens().toString());
                if (s.parsed()) {
                    StringBuilder basic = new StringBuilder();
                    for (int i = 0; i < s.size(); i++) {
                        basic.append(s.head(i)).append(':').append(s.rel(i)).append(' ');
                    }
                    o.put("basic", basic.toString());
                    o.put("enhanced", s.edges().toString());
                }
            }
            return line.toString();
        }

        void writeDump(Path file, List<String> bodies) throws Exception {
            List<String> lines = new ArrayList<>();
            for (String b : bodies) {
                lines.add(dumped.get(b));
            }
            Files.write(file, lines);
        }
    }

    static Worker claimwire(boolean dump) {
        return new ClaimwireWorker(dump);
    }

    /** Bodies in corpus order, without the "Reuter" sign-off; flashes and near-empty bodies skipped. */
    static List<String> readBodies(Path dir, int max) throws Exception {
        List<String> out = new ArrayList<>();
        for (ReutersCorpus.Item item : ReutersCorpus.withBody(dir, 0)) {
            String b = item.body().replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ").replaceAll("\\s*Reuter\\s*$", "").trim();
            if (b.length() > 40) {
                out.add(b);
                if (out.size() >= max) {
                    break;
                }
            }
        }
        return out;
    }

    static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                used += p.getUsage().getUsed();
            }
        }
        return used;
    }

    static final class PeakHeap extends Thread {
        volatile boolean stop;
        volatile long peak;

        PeakHeap() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop) {
                peak = Math.max(peak, heapUsed());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
