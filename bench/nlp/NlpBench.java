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
        java.util.Map<String, Long> threadCpu0 = cpuByThreadKind();
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
        java.util.Map<String, Long> threadCpu1 = cpuByThreadKind();
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
        if (!threadCpu1.isEmpty()) {
            StringBuilder b = new StringBuilder("    process CPU by thread kind (s):");
            for (var e : threadCpu1.entrySet()) {
                b.append(String.format(Locale.ROOT, " %s=%.1f", e.getKey(),
                        (e.getValue() - threadCpu0.getOrDefault(e.getKey(), 0L)) / (double) CLOCK_TICKS_PER_S));
            }
            System.out.println(b);
        }
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

    /** Linux's USER_HZ, the unit of utime/stime in /proc (100 on every mainstream kernel). */
    static final int CLOCK_TICKS_PER_S = 100;

    /**
     * CPU ticks of this process's threads by kind (worker pool, JIT compilers, GC, other), from /proc/self/task;
     * empty where /proc is missing. Shows where process CPU beyond the workers goes (a short run pays for JIT).
     */
    static java.util.Map<String, Long> cpuByThreadKind() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (var dirs = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) dirs::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    String kind = name.startsWith("pool-") ? "worker"
                            : name.contains("Compiler") ? "jit"
                            : name.startsWith("GC Thread") || name.startsWith("ParGC") || name.startsWith("VM Thread") ? "gc+vm"
                            : "other";
                    out.merge(kind, ticks, Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
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

    /** Looked up once: each lookup builds MXBean proxies and ObjectNames, CPU the measured process should not spend. */
    static final List<MemoryPoolMXBean> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();

    static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean p : HEAP_POOLS) {
            used += p.getUsage().getUsed();
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
