package org.claimwire.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads are open unless {@code claimwire.security.read-key-required=true}; then every GET/HEAD under
 * {@code /api/} needs a key of any role (a global policy: Quarkus applies it to every request). Writes are
 * guarded by {@code @RolesAllowed} on their resources.
 */
@ApplicationScoped
public class ReadAccessPolicy implements HttpSecurityPolicy {
    @Inject
    SecurityConfig config;

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        HttpMethod m = request.request().method();
        if (!config.readKeyRequired() || !(HttpMethod.GET.equals(m) || HttpMethod.HEAD.equals(m))
                || !request.normalizedPath().startsWith("/api/")) {
            return CheckResult.permit();
        }
        return identity.map(id -> !id.isAnonymous() && id.hasRole(Roles.READER) ? CheckResult.PERMIT : CheckResult.DENY);
    }
}
