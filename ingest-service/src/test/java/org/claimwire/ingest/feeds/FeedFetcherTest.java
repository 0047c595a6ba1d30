package org.claimwire.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real local HTTP server: deadline, redirects, caching headers, the guard as DNS. */
class FeedFetcherTest {
    static final String RSS = "<rss version='2.0'><channel><title>t</title></channel></rss>";

    HttpServer server;
    String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        // a byte every 200 ms for 20 s: each read is quick, the whole body is not
        server.createContext("/slow", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (Exception stop) {
                // the client hung up
            }
        });
        server.createContext("/ok", ex -> {
            byte[] b = RSS.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Cache-Control", "public, max-age=900");
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/ok");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.createContext("/temp", ex -> {
            ex.getResponseHeaders().add("Location", "/moved");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/busy", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            ex.sendResponseHeaders(429, -1);
            ex.close();
        });
        server.createContext("/to-metadata", ex -> {
            ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    FeedFetcher fetcher(Duration deadline) {
        return new FeedFetcher(new SsrfGuard(true, false), Duration.ofSeconds(2), Duration.ofSeconds(2), deadline,
                1 << 20, 4);
    }

    @Test
    void aTricklingServerIsCutOffAtTheDeadlineAlthoughEveryReadIsQuick() throws Exception {
        try (FeedFetcher f = fetcher(Duration.ofMillis(1500))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> f.fetch(base + "/slow", null, null)).isInstanceOf(FeedFetcher.DeadlineExceeded.class);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as("elapsed ms").isBetween(1400L, 3000L);
        }
    }

    @Test
    void permanentRedirectsReportTheNewUrlAndCachingHeadersAreRead() throws Exception {
        try (FeedFetcher f = fetcher(Duration.ofSeconds(10))) {
            FeedFetcher.Fetched ok = f.fetch(base + "/moved", null, null);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.movedTo()).hasToString(base + "/ok");
            assertThat(ok.maxAge()).isEqualTo(Duration.ofSeconds(900));
            assertThat(ok.etag()).isEqualTo("\"v1\"");
            // a temporary hop on the way: the feed's URL stays
            assertThat(f.fetch(base + "/temp", null, null).movedTo()).isNull();
            FeedFetcher.Fetched busy = f.fetch(base + "/busy", null, null);
            assertThat(busy.status()).isEqualTo(429);
            assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        }
    }

    @Test
    void aRedirectToAnInternalAddressIsRefusedWithoutNamingIt() throws Exception {
        try (FeedFetcher f = fetcher(Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> f.fetch(base + "/to-metadata", null, null)).isInstanceOf(SsrfGuard.Refused.class)
                    .hasMessageNotContaining("169.254");
        }
        // loopback not allowed: the connection's own DNS lookup refuses it
        try (FeedFetcher strict = new FeedFetcher(new SsrfGuard(false, false), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 1 << 20, 2)) {
            assertThatThrownBy(() -> strict.fetch(base + "/ok", null, null)).isInstanceOf(SsrfGuard.Refused.class)
                    .hasMessageNotContaining("127.0.0.1");
        }
    }

    @Test
    void retryAfterAndMaxAgeForms() {
        Instant now = Instant.parse("2026-11-29T22:00:00Z");
        assertThat(FeedFetcher.retryAfter("30", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(FeedFetcher.retryAfter("Sun, 29 Nov 2026 22:10:00 GMT", now)).isEqualTo(Duration.ofMinutes(10));
        assertThat(FeedFetcher.retryAfter("soon", now)).isNull();
        assertThat(FeedFetcher.maxAge("no-cache, max-age=60")).isEqualTo(Duration.ofSeconds(60));
        assertThat(FeedFetcher.maxAge("no-store")).isNull();
        assertThat(FeedService.honour(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(24)))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(FeedService.honour(Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofHours(24)))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(FeedService.honour(Duration.ofMinutes(5), Duration.ofDays(400), Duration.ofHours(24)))
                .isEqualTo(Duration.ofHours(24));
    }
}
