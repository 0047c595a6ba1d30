import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>HTTP/1.1 is spoken over plain sockets (one keep-alive connection per worker; Content-Length and chunked
 * bodies): the load generator shares the 2-core machine with the service and PostgreSQL, and
 * {@code HttpURLConnection} cost it ≈ 0.7 ms of CPU per request (≈ 0.35 cores at 500 req/s) — CPU the
 * measured system then lacked. Requests are pre-encoded per path.
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
        URI baseUri = URI.create(base);
        String host = baseUri.getHost();
        int port = baseUri.getPort() < 0 ? 80 : baseUri.getPort();
        byte[][] requests = new byte[paths.size()][];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = ("GET " + baseUri.getRawPath().replaceAll("/$", "") + paths.get(i) + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                Http http = new Http(host, port);
                while (true) {
                    long[] job;
                    try {
                        job = due.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    int idx = (int) job[0];
                    int status;
                    try {
                        status = http.get(requests[idx % requests.length]);
                    } catch (IOException e) {
                        http.close();
                        status = -1;
                        if (shown.getAndIncrement() == 0) {
                            System.err.println("first error: " + e + " " + paths.get(idx % paths.size()));
                        }
                    }
                    latencies[idx] = System.nanoTime() - job[1];
                    if ((status < 200 || status >= 400) && idx >= warmup) {
                        errors.incrementAndGet();
                        if (status > 0 && shown.getAndIncrement() == 0) {
                            System.err.println("first error: HTTP " + status + " " + paths.get(idx % paths.size()));
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

    /** One keep-alive HTTP/1.1 connection: sends a pre-encoded GET, reads the status and skips the body. */
    static final class Http {
        private final String host;
        private final int port;
        private Socket socket;
        private OutputStream out;
        private InputStream in;
        private final byte[] buf = new byte[65536];
        private int pos;
        private int lim;

        Http(String host, int port) {
            this.host = host;
            this.port = port;
        }

        int get(byte[] request) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), 5000);
                socket.setSoTimeout(30000);
                out = socket.getOutputStream();
                in = socket.getInputStream();
                pos = lim = 0;
            }
            out.write(request);
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("transfer-encoding")) {
                    chunked = value.toLowerCase().contains("chunked");
                } else if (name.equalsIgnoreCase("connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line(); // CRLF after the chunk
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                close = true; // body until the server closes: drain
                while (fill()) {
                    pos = lim;
                }
            }
            if (close) {
                close();
            }
            return status;
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing a broken connection
            }
            socket = null;
        }

        private boolean fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return false;
            }
            pos = 0;
            lim = n;
            return true;
        }

        /** The next CRLF-terminated line (ISO-8859-1, without the CRLF). */
        private String line() throws IOException {
            StringBuilder sb = null;
            while (true) {
                if (pos >= lim && !fill()) {
                    throw new IOException("connection closed mid-response");
                }
                for (int i = pos; i < lim; i++) {
                    if (buf[i] == '\n') {
                        int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                        String part = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                        pos = i + 1;
                        if (sb == null) {
                            return part;
                        }
                        sb.append(part);
                        int n = sb.length();
                        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                    }
                }
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1));
                pos = lim;
            }
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                if (pos >= lim && !fill()) {
                    throw new IOException("connection closed mid-body");
                }
                int k = (int) Math.min(n, lim - pos);
                pos += k;
                n -= k;
            }
        }
    }
}
