package org.claimwire.security;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.claimwire.problems.ProblemType;
import org.claimwire.problems.Problems;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses writes (POST, PUT, PATCH, DELETE) that a browser sends on behalf of another site: an {@code Origin}
 * other than the service's own or one in {@code claimwire.security.allowed-origins}, or
 * {@code Sec-Fetch-Site: cross-site}. Clients that are not browsers send neither header and pass. Together
 * with JSON routes that accept only {@code application/json} (a cross-site form cannot send it without a
 * CORS preflight, which no service answers), a page elsewhere cannot write through a visitor's browser.
 */
public class OriginGuard {
    /** Looked up per request: filters are made during static init, before runtime config exists. */
    @Inject
    Instance<SecurityConfig> config;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext ctx) {
        String method = ctx.getMethod();
        if (!(method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"))) {
            return null;
        }
        String path = "/" + ctx.getUriInfo().getPath().replaceFirst("^/", "");
        String fetchSite = ctx.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.trim().equalsIgnoreCase("cross-site")) {
            return refuse("a cross-site browser request may not write here", path);
        }
        String origin = ctx.getHeaderString("Origin");
        if (origin == null || allowed(origin.trim(), ctx.getUriInfo().getBaseUri(),
                config.get().allowedOrigins().orElse(List.of()))) {
            return null;
        }
        return refuse("origin '" + origin + "' may not write here", path);
    }

    static boolean allowed(String origin, URI base, List<String> extra) {
        String o = normalise(origin);
        if (o == null) {
            return false; // "null" (sandboxed or file pages) and anything unparsable
        }
        if (o.equals(normalise(base.getScheme() + "://" + base.getRawAuthority()))) {
            return true;
        }
        return extra.stream().map(OriginGuard::normalise).anyMatch(o::equals);
    }

    /** scheme://host:port in lower case with the default port made explicit; null when not an origin. */
    static String normalise(String origin) {
        try {
            URI u = URI.create(origin.trim());
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() != -1 ? u.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response refuse(String detail, String path) {
        return Problems.response(ProblemType.FORBIDDEN, detail, path);
    }
}
