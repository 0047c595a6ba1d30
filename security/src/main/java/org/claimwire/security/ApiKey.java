package org.claimwire.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One API key as every service stores and shares it: the SHA-256 of the secret, never the secret.
 * {@code source} and {@code uriPrefixes} bind a writer key: it may create only uris that start with one of
 * the prefixes, and update or kill only uris its source created. A key once revoked stays revoked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKey(String id, String name, String role, String source, List<String> uriPrefixes, String hash,
        Instant createdAt, Instant revokedAt) {

    public ApiKey {
        uriPrefixes = uriPrefixes == null ? List.of() : List.copyOf(uriPrefixes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public ApiKey revokedAt(Instant when) {
        return revoked() ? this : new ApiKey(id, name, role, source, uriPrefixes, hash, createdAt, when);
    }

    /** The same key as the later of two reports about it: a revocation is final. */
    public ApiKey merge(ApiKey newer) {
        if (revoked() && !newer.revoked()) {
            return this;
        }
        return newer;
    }
}
