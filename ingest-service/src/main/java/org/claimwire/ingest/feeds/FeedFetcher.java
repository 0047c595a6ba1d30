package org.claimwire.ingest.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.claimwire.ingest.formats.RejectedInput;

/**
 * One conditional GET of a feed: sends {@code If-None-Match} / {@code If-Modified-Since}, follows at most
 * {@value #MAX_REDIRECTS} redirects (each target checked by the {@link SsrfGuard} again), and stops reading
 * past the size limit. Connections use the guard as their DNS, so they go to the addresses that were
 * checked. The whole fetch — connect, headers, redirects and body — has one deadline: a server that sends
 * a byte every second never holds a poller thread longer than that.
 */
public final class FeedFetcher implements AutoCloseable {
    static final int MAX_REDIRECTS = 3;
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            + "text/xml;q=0.8, */*;q=0.1";

    /**
     * The answer: status 304 carries no body. {@code movedTo} is set when every redirect was permanent (301
     * or 308); {@code retryAfter} and {@code maxAge} are what the server asked for, when it did.
     */
    public record Fetched(int status, byte[] body, String etag, String lastModified, URI finalUri, URI movedTo,
            Duration retryAfter, Duration maxAge) {
        public boolean notModified() {
            return status == 304;
        }
    }

    /** The whole fetch took longer than its deadline. */
    public static final class DeadlineExceeded extends IOException {
        DeadlineExceeded(String message) {
            super(message);
        }
    }

    /** Carries a refusal out of the connection's DNS lookup. */
    private static final class RefusedHost extends UnknownHostException {
        final SsrfGuard.Refused refused;

        RefusedHost(SsrfGuard.Refused refused) {
            super(refused.getMessage());
            this.refused = refused;
        }
    }

    private static final ScheduledExecutorService ABORTS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-fetch-deadline");
        t.setDaemon(true);
        return t;
    });

    private final CloseableHttpClient client;
    private final SsrfGuard guard;
    private final Duration deadline;
    private final int maxBytes;

    public FeedFetcher(SsrfGuard guard, Duration connectTimeout, Duration readTimeout, Duration deadline, int maxBytes,
            int maxConnections) {
        this.guard = guard;
        this.deadline = deadline;
        this.maxBytes = maxBytes;
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(
                RegistryBuilder.<ConnectionSocketFactory>create()
                        .register("http", PlainConnectionSocketFactory.getSocketFactory())
                        .register("https", SSLConnectionSocketFactory.getSocketFactory())
                        .build(),
                this::resolveChecked);
        pool.setMaxTotal(Math.max(2, maxConnections));
        pool.setDefaultMaxPerRoute(Math.max(2, maxConnections));
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("claimwire-ingest/0.1 (+https://claimwire.org)")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setSocketTimeout((int) readTimeout.toMillis())
                        .setConnectionRequestTimeout((int) deadline.toMillis())
                        .build())
                .build();
    }

    private InetAddress[] resolveChecked(String host) throws UnknownHostException {
        try {
            return guard.resolve(host);
        } catch (SsrfGuard.Refused r) {
            throw new RefusedHost(r);
        }
    }

    public Fetched fetch(String url, String etag, String lastModified) throws IOException, SsrfGuard.Refused {
        URI uri = guard.checkForm(url);
        long end = System.nanoTime() + deadline.toNanos();
        boolean permanent = true;
        for (int hop = 0; ; hop++) {
            HttpGet get = new HttpGet(uri);
            get.setHeader("Accept", ACCEPT);
            if (etag != null) {
                get.setHeader("If-None-Match", etag);
            }
            if (lastModified != null) {
                get.setHeader("If-Modified-Since", lastModified);
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw deadlineExceeded();
            }
            ScheduledFuture<?> abort = ABORTS.schedule(get::abort, left, TimeUnit.NANOSECONDS);
            try (CloseableHttpResponse resp = client.execute(get)) {
                int status = resp.getStatusLine().getStatusCode();
                if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                    String loc = header(resp, "Location");
                    if (loc == null || hop >= MAX_REDIRECTS) {
                        throw new IOException(loc == null ? "redirect without Location" : "too many redirects");
                    }
                    permanent &= status == 301 || status == 308;
                    uri = guard.checkForm(uri.resolve(loc.trim()).toString());
                    continue;
                }
                URI movedTo = hop > 0 && permanent ? uri : null;
                Duration maxAge = maxAge(header(resp, "Cache-Control"));
                String newEtag = header(resp, "ETag");
                String newLm = header(resp, "Last-Modified");
                if (status == 304) {
                    return new Fetched(304, null, newEtag != null ? newEtag : etag, newLm != null ? newLm : lastModified,
                            uri, movedTo, null, maxAge);
                }
                if (status != 200) {
                    return new Fetched(status, null, null, null, uri, movedTo,
                            retryAfter(header(resp, "Retry-After"), Instant.now()), maxAge);
                }
                HttpEntity entity = resp.getEntity();
                if (entity == null) {
                    throw RejectedInput.malformed("the feed answered 200 without a body");
                }
                if (entity.getContentLength() > maxBytes) {
                    throw new RejectedInput(RejectedInput.Kind.TOO_LARGE, "feed is " + entity.getContentLength()
                            + " bytes, over the limit of " + maxBytes);
                }
                try (InputStream in = entity.getContent()) { // gzip and deflate are decoded by the client
                    byte[] body = in.readNBytes(maxBytes + 1);
                    if (body.length > maxBytes) {
                        throw new RejectedInput(RejectedInput.Kind.TOO_LARGE, "feed is larger than the limit of "
                                + maxBytes + " bytes");
                    }
                    return new Fetched(200, body, newEtag, newLm, uri, movedTo, null, maxAge);
                }
            } catch (RefusedHost r) {
                throw r.refused;
            } catch (IOException e) {
                if (System.nanoTime() - end >= 0 || get.isAborted()) {
                    throw deadlineExceeded();
                }
                throw e;
            } finally {
                abort.cancel(false);
            }
        }
    }

    private DeadlineExceeded deadlineExceeded() {
        return new DeadlineExceeded("the feed was not fetched within " + deadline.toMillis() + " ms");
    }

    private static String header(CloseableHttpResponse resp, String name) {
        Header h = resp.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    /** {@code max-age} of a Cache-Control header; null when absent or unreadable. */
    static Duration maxAge(String cacheControl) {
        if (cacheControl == null) {
            return null;
        }
        for (String part : cacheControl.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("max-age=")) {
                try {
                    long s = Long.parseLong(p.substring(8).replace("\"", "").trim());
                    return s >= 0 ? Duration.ofSeconds(s) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long s = Long.parseLong(v);
            return s >= 0 ? Duration.ofSeconds(s) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
