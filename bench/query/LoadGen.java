import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Fixed-rate HTTP load generator (wrk2-style, open loop): request i is due at start + i/rate; its latency is
 * measured from when it was due, not from when it was sent, so a stalled server cannot hide its queueing
 * (no coordinated omission). Requests cycle through the URL paths of a file.
 *
 * java LoadGen.java BASE_URL PATHS_FILE RATE SECONDS LABEL
 */
public class LoadGen {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> paths = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String label = args[4];
        int total = rate * seconds;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger firstErrorShown = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int idx = i;
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + paths.get(i % paths.size())))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            client.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                latencies[idx] = System.nanoTime() - due;
                if (e != null || r.statusCode() >= 400) {
                    errors.incrementAndGet();
                    if (firstErrorShown.getAndIncrement() == 0) {
                        System.err.println("first error: " + (e != null ? e : r.statusCode() + " " + req.uri()));
                    }
                }
                done.countDown();
            });
        }
        long sendEnd = System.nanoTime();
        done.await();
        double elapsed = (sendEnd - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%-16s rate=%d/s sent=%d in %.1fs errors=%d  p50=%.1fms p90=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms%n",
                label, rate, total, elapsed, errors.get(), ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99),
                ms(latencies, 0.999), latencies[total - 1] / 1e6);
        System.exit(0);
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
