package org.claimwire.ingest.feeds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free loopback port for the feed tests: each path answers what the test registers
 * (a body, a bare status, a trickle, or a handler of its own), and counts how often it was asked.
 */
public final class TestFeedServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private TestFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // more than one thread: a slow path must not hold up the others
        server.setExecutor(executor);
        server.start();
    }

    public static TestFeedServer start() throws IOException {
        return new TestFeedServer();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return base() + path;
    }

    /** How often {@code path} was asked for. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** Answers {@code path} with the handler, counting the requests. */
    public TestFeedServer handle(String path, HttpHandler handler) {
        AtomicInteger n = hits.computeIfAbsent(path, p -> new AtomicInteger());
        server.createContext(path, ex -> {
            n.incrementAndGet();
            handler.handle(ex);
        });
        return this;
    }

    /** Answers {@code path} with 200 and the UTF-8 body; {@code headers} are name, value, name, value, ... */
    public TestFeedServer serve(String path, String body, String... headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return handle(path, ex -> {
            addHeaders(ex, headers);
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
    }

    /** Answers {@code path} with a bodiless status (a redirect, 410, 429, ...); headers as in {@link #serve}. */
    public TestFeedServer status(String path, int status, String... headers) {
        return handle(path, ex -> {
            addHeaders(ex, headers);
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
    }

    /**
     * Answers {@code path} with 200, {@code prefix}, then a space every 200 ms, {@code spaces} times: each read
     * is quick, the whole body is not.
     */
    public TestFeedServer trickle(String path, String prefix, int spaces) {
        return handle(path, ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(prefix.getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < spaces; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (Exception hungUp) {
                // the client gave up
            }
        });
    }

    private static void addHeaders(HttpExchange ex, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
