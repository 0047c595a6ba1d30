package org.claimwire.ingest.api;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.claimwire.ingest.formats.RejectedInput;

/** RFC 7807 problem responses ({@code application/problem+json}). */
public final class Problems {
    public static final String TYPE_BASE = "https://claimwire.org/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Map<String, Object> body(String slug, String title, int status, String detail, String instance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE_BASE + slug);
        m.put("title", title);
        m.put("status", status);
        m.put("detail", detail);
        if (instance != null) {
            m.put("instance", instance);
        }
        return m;
    }

    public static Response of(int status, String slug, String title, String detail, String instance) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(slug, title, status, detail, instance)).build();
    }

    public static Response of(RejectedInput e, String instance) {
        return of(e.kind().status, e.kind().slug(), e.kind().title, e.getMessage(), instance);
    }

    public static Response unavailable(int retryAfterSeconds, String detail, String instance) {
        return Response.status(503).type(MEDIA_TYPE).header("Retry-After", String.valueOf(retryAfterSeconds))
                .entity(body("broker-unavailable", "Service unavailable", 503, detail, instance)).build();
    }
}
