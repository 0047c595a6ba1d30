package org.claimwire.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Turns a key into an identity: the bootstrap admin key (compared by hash, in constant time) or a live key in
 * the {@link KeyDirectory} (looked up by hash: the lookup learns nothing about the secret). The identity
 * carries the roles the key's role grants and, for {@link WriteScope}, the key's source and uri prefixes.
 * Unknown and revoked keys fail with 401; the secret is never logged.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
    static final String BOOTSTRAP_ID = "bootstrap-admin";

    @Inject
    SecurityConfig config;
    @Inject
    KeyDirectory directory;

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        Optional<ApiKey> key = find(request.secret());
        if (key.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("unknown or revoked API key"));
        }
        return Uni.createFrom().item(identity(key.get()));
    }

    Optional<ApiKey> find(String secret) {
        String hash = ApiKeys.hash(secret);
        Optional<String> bootstrap = config.bootstrapAdminKey().filter(s -> !s.isBlank());
        if (bootstrap.isPresent() && ApiKeys.sameHash(hash, ApiKeys.hash(bootstrap.get().trim()))) {
            return Optional.of(new ApiKey(BOOTSTRAP_ID, "bootstrap admin key (CLAIMWIRE_BOOTSTRAP_ADMIN_KEY)",
                    Roles.ADMIN, null, List.of(), hash, null, null));
        }
        return directory.active(hash);
    }

    static SecurityIdentity identity(ApiKey k) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(k.id()))
                .addRoles(Roles.granted(k.role()))
                .addAttribute(WriteScope.KEY_ATTRIBUTE, k);
        return b.build();
    }
}
