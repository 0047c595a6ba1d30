package org.claimwire.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** API-key settings shared by the three services, prefix {@code claimwire.security}. */
@ConfigMapping(prefix = "claimwire.security")
public interface SecurityConfig {

    /**
     * An admin key that works without being stored anywhere (env {@code CLAIMWIRE_BOOTSTRAP_ADMIN_KEY}), so a
     * service started alone can be used at once and the first keys can be made. Changing it needs a restart;
     * stored keys do not.
     */
    Optional<String> bootstrapAdminKey();

    /** When true, reads under {@code /api/} need a key too (any role); by default they are open. */
    @WithDefault("false")
    boolean readKeyRequired();

    /**
     * Browser origins (scheme://host[:port]) allowed to send writes besides the service's own; a write
     * with any other {@code Origin}, or marked {@code Sec-Fetch-Site: cross-site}, is refused.
     */
    Optional<List<String>> allowedOrigins();

    Keys keys();

    interface Keys {
        /** The compacted topic that carries every key's hash, role and revocation to every service. */
        @WithDefault("claimwire.api-keys")
        String topic();

        /** Whether to follow the topic (off only in tests that run without a broker). */
        @WithDefault("true")
        boolean sync();

        /** How long making or revoking a key waits for the broker to acknowledge it. */
        @WithDefault("10s")
        Duration publishTimeout();
    }
}
