package org.claimwire.ingest.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.claimwire.ingest.formats.RejectedInput;

/**
 * One conditional GET of a feed: sends {@code If-None-Match} / {@code If-Modified-Since}, follows at most
 * {@value #MAX_REDIRECTS} redirects (each target checked by the {@link SsrfGuard} again), times out,
 * and stops reading past the size limit.
 */
public final class FeedFetcher {
    static final int MAX_REDIRECTS = 3;

    /** The answer: status 304 carries no body. */
    public record Fetched(int status, byte[] body, String etag, String lastModified, URI finalUri) {
        public boolean notModified() {
            return status == 304;
        }
    }

    private final HttpClient client;
    private final SsrfGuard guard;
    private final Duration readTimeout;
    private final int maxBytes;

    public FeedFetcher(SsrfGuard guard, Duration connectTimeout, Duration readTimeout, int maxBytes) {
        this.guard = guard;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Fetched fetch(String url, String etag, String lastModified)
            throws IOException, InterruptedException, SsrfGuard.Refused {
        URI uri = guard.check(url);
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(readTimeout).GET()
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1")
                    .header("Accept-Encoding", "gzip")
                    .header("User-Agent", "claimwire-ingest/0.1 (+https://claimwire.org)");
            if (etag != null) {
                rb.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                rb.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> resp = client.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = resp.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                resp.body().close();
                String loc = resp.headers().firstValue("Location").orElse(null);
                if (loc == null || hop >= MAX_REDIRECTS) {
                    throw new IOException(loc == null ? "redirect without Location" : "too many redirects");
                }
                uri = guard.check(uri.resolve(loc).toString());
                continue;
            }
            String newEtag = resp.headers().firstValue("ETag").orElse(null);
            String newLm = resp.headers().firstValue("Last-Modified").orElse(null);
            if (status == 304) {
                resp.body().close();
                return new Fetched(304, null, newEtag != null ? newEtag : etag, newLm != null ? newLm : lastModified, uri);
            }
            if (status != 200) {
                resp.body().close();
                return new Fetched(status, null, null, null, uri);
            }
            long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                resp.body().close();
                throw new RejectedInput(RejectedInput.Kind.TOO_LARGE, "feed is " + declared
                        + " bytes, over the limit of " + maxBytes);
            }
            boolean gzip = resp.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
            try (InputStream raw = resp.body(); InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                byte[] body = in.readNBytes(maxBytes + 1);
                if (body.length > maxBytes) {
                    throw new RejectedInput(RejectedInput.Kind.TOO_LARGE, "feed is larger than the limit of "
                            + maxBytes + " bytes");
                }
                return new Fetched(200, body, newEtag, newLm, uri);
            }
        }
    }
}
