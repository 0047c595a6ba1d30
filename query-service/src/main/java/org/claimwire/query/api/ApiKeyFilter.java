package org.claimwire.query.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.claimwire.problems.ProblemType;
import org.claimwire.problems.Problems;
import org.claimwire.query.config.QueryConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * API keys (header {@code X-API-Key} or {@code Authorization: Bearer <key>}): admin and write endpoints always
 * need an admin key (with none configured they refuse everyone); read endpoints need a read or admin key only
 * when {@code claimwire.query.api.read-key-required=true}. Keys are compared in constant time and never logged
 * or echoed.
 */
public class ApiKeyFilter {
    static final String HEADER = "X-API-Key";

    @Inject
    QueryConfig config;

    @ServerRequestFilter
    public Response check(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        boolean write = !HttpMethod.GET.equals(ctx.getMethod()) && !HttpMethod.HEAD.equals(ctx.getMethod())
                && !HttpMethod.OPTIONS.equals(ctx.getMethod()) && !isReadOnlyPost(ctx, path);
        boolean admin = write || path.startsWith("/api/v1/admin");
        String key = key(ctx);
        List<String> adminKeys = config.api().adminKeys().orElse(List.of());
        if (admin) {
            if (matches(key, adminKeys)) {
                return null;
            }
            return deny(key == null, path, "an admin API key is required");
        }
        if (!config.api().readKeyRequired() || matches(key, adminKeys) || matches(key, config.api().readKeys().orElse(List.of()))) {
            return null;
        }
        return deny(key == null, path, "an API key is required");
    }

    /** POST /api/v1/ask only carries a question in its body (too long for a URL); it changes nothing. */
    private static boolean isReadOnlyPost(ContainerRequestContext ctx, String path) {
        return HttpMethod.POST.equals(ctx.getMethod()) && path.equals("/api/v1/ask");
    }

    private static Response deny(boolean missing, String path, String detail) {
        Response r = Problems.response(ProblemType.UNAUTHORIZED,
                missing ? detail + " (header " + HEADER + ")" : "the API key is not valid here", path);
        return Response.fromResponse(r).header("WWW-Authenticate", "Bearer").build();
    }

    private static String key(ContainerRequestContext ctx) {
        String k = ctx.getHeaderString(HEADER);
        if (k == null) {
            String auth = ctx.getHeaderString("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                k = auth.substring(7);
            }
        }
        return k == null || k.isBlank() ? null : k.trim();
    }

    static boolean matches(String key, List<String> allowed) {
        if (key == null) {
            return false;
        }
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (String a : allowed) {
            if (a != null && !a.isBlank()) {
                ok |= MessageDigest.isEqual(k, a.trim().getBytes(StandardCharsets.UTF_8));
            }
        }
        return ok;
    }
}
