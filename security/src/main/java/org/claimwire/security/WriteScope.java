package org.claimwire.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;

/**
 * What a caller may write: an admin anything; a writer only uris that start with one of its key's prefixes
 * (to create) or that its source created (to update or kill). {@code source} names the owner recorded for
 * what the caller creates.
 */
public record WriteScope(boolean admin, String source, List<String> uriPrefixes) {
    static final String KEY_ATTRIBUTE = "claimwire.api-key";

    /** The scope of an authenticated caller (anonymous callers never reach a write). */
    public static WriteScope of(SecurityIdentity identity) {
        ApiKey k = identity == null ? null : identity.getAttribute(KEY_ATTRIBUTE);
        if (k == null) {
            return new WriteScope(false, null, List.of());
        }
        return new WriteScope(Roles.ADMIN.equals(k.role()), k.source(), k.uriPrefixes());
    }

    /** A scope for work the service does on its own behalf (feeds, file drops). */
    public static WriteScope service(String source) {
        return new WriteScope(true, source, List.of());
    }

    /** May this caller create {@code uri}? */
    public boolean mayCreate(String uri) {
        if (admin) {
            return true;
        }
        for (String p : uriPrefixes) {
            if (!p.isEmpty() && uri.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** May this caller change a uri that {@code owner} created (null: created before keys, or by the service)? */
    public boolean mayChange(String owner) {
        return admin || (source != null && source.equals(owner));
    }
}
