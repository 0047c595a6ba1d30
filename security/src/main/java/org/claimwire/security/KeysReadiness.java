package org.claimwire.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimwire.security.messaging.KeyTopic;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the key topic was read to its end after start-up: before that, a key made elsewhere could be
 * refused here.
 */
@Readiness
@ApplicationScoped
public class KeysReadiness implements HealthCheck {
    @Inject
    KeyTopic topic;
    @Inject
    KeyDirectory directory;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("api-keys").status(topic.caughtUp()).withData("keys", directory.size()).build();
    }
}
