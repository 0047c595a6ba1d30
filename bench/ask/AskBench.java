import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ask latency: GET /api/v1/ask?q=... for every question of a file, in a closed loop with N clients, after a
 * warm-up pass. Prints p50/p90/p99/max, and how many questions were answered (with citations) vs not.
 * Usage: java AskBench.java http://127.0.0.1:18084 questions.txt [rounds=3] [clients=1]
 */
public class AskBench {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> questions = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        for (String q : questions) { // warm-up: JIT, caches, connection pool
            call(http, base, q);
        }
        List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        int total = questions.size() * rounds;
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    String q = questions.get(i % questions.size());
                    long s = System.nanoTime();
                    HttpResponse<String> r = call(http, base, q);
                    nanos.add(System.nanoTime() - s);
                    if (r == null || r.statusCode() != 200) {
                        errors.incrementAndGet();
                    } else if (r.body().contains("\"answered\":true")) {
                        answered.incrementAndGet();
                    } else {
                        unanswered.incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        System.out.printf("ask: %d requests (%d questions x %d rounds), %d client(s), %.1f req/s%n", a.length,
                questions.size(), rounds, clients, a.length / secs);
        System.out.printf("ask latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f   (target p99 <= 150)%n",
                pct(a, 50), pct(a, 90), pct(a, 99), a[a.length - 1] / 1e6);
        System.out.printf("answered %d, no answer %d, errors %d%n", answered.get(), unanswered.get(), errors.get());
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static HttpResponse<String> call(HttpClient http, String base, String q) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/ask?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).GET().build();
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }
}
