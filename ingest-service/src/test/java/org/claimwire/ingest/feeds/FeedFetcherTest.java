package org.claimwire.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real local HTTP server: deadline, redirects, caching headers, the guard as DNS. */
class FeedFetcherTest {
    static final String RSS = "<rss version='2.0'><channel><title>t</title></channel></rss>";

    TestFeedServer server;
    String base;

    @BeforeEach
    void start() throws Exception {
        server = TestFeedServer.start()
                .trickle("/slow", "", 100)
                .serve("/ok", RSS, "Cache-Control", "public, max-age=900", "ETag", "\"v1\"")
                .status("/moved", 301, "Location", "/ok")
                .status("/temp", 302, "Location", "/moved")
                .status("/busy", 429, "Retry-After", "120")
                .status("/to-metadata", 302, "Location", "http://169.254.169.254/latest/meta-data/");
        base = server.base();
    }

    @AfterEach
    void stop() {
        server.close();
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
