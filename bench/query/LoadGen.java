import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Fixed-rate HTTP load generator (wrk2-style, open loop): request i is due at start + i/rate; a pool of worker
 * threads with keep-alive connections sends the due requests in order, and each latency is measured from when
 * the request was due, not from when a worker got to it, so a slow server cannot hide its queueing (no
 * coordinated omission). Requests cycle through the URL paths of a file.
 *
 * java LoadGen.java BASE_URL PATHS_FILE RATE SECONDS LABEL [WORKERS] [WARMUP_SECONDS]
 *
 * <p>The first WARMUP_SECONDS (default 5) run at the same rate and are not recorded: this JVM starts cold for
 * every scenario, and its own JIT compiling the HTTP client inside the measured minute showed up as server tail.
 */
public class LoadGen {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> paths = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String label = args[4];
        int workers = args.length > 5 ? Integer.parseInt(args[5]) : 32;
        int warmup = rate * (args.length > 6 ? Integer.parseInt(args[6]) : 5);
        int measured = rate * seconds;
        int total = warmup + measured;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger shown = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        BlockingQueue<long[]> due = new ArrayBlockingQueue<>(total);
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[16384];
                while (true) {
                    long[] job;
                    try {
                        job = due.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    int idx = (int) job[0];
                    String target = base + paths.get(idx % paths.size());
                    int status = -1;
                    try {
                        HttpURLConnection c = (HttpURLConnection) new URL(target).openConnection();
                        c.setConnectTimeout(5000);
                        c.setReadTimeout(30000);
                        status = c.getResponseCode();
                        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                            if (in != null) {
                                while (in.read(buf) >= 0) {
                                    // drain so the connection is reused
                                }
                            }
                        }
                    } catch (Exception e) {
                        status = -1;
                        if (shown.getAndIncrement() == 0) {
                            System.err.println("first error: " + e + " " + target);
                        }
                    }
                    latencies[idx] = System.nanoTime() - job[1];
                    if ((status < 200 || status >= 400) && idx >= warmup) {
                        errors.incrementAndGet();
                        if (status > 0 && shown.getAndIncrement() == 0) {
                            System.err.println("first error: HTTP " + status + " " + target);
                        }
                    }
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long at = start + i * period;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.put(new long[] {i, at});
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        done.await();
        long[] recorded = Arrays.copyOfRange(latencies, warmup, total);
        Arrays.sort(recorded);
        System.out.printf("%-14s rate=%d/s sent=%d in %.1fs (after %d s unrecorded) errors=%d  p50=%.1fms p90=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms%n",
                label, rate, measured, elapsed - warmup / (double) rate, warmup / rate, errors.get(), ms(recorded, 0.50),
                ms(recorded, 0.90), ms(recorded, 0.99), ms(recorded, 0.999), recorded[measured - 1] / 1e6);
        System.exit(0);
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
