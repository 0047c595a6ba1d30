package org.claimwire.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimwire.ingest.persistence.StateWriter;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while published stories' dedupe state waits to be written to PostgreSQL (see {@link StateWriter}). */
@Readiness
@ApplicationScoped
public class StateWriteReadiness implements HealthCheck {
    @Inject
    StateWriter writer;

    @Override
    public HealthCheckResponse call() {
        int pending = writer.pending();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("ingest-dedupe-state-writes").status(pending == 0)
                .withData("pending", pending);
        if (pending > 0 && writer.lastError() != null) {
            b.withData("lastError", writer.lastError());
        }
        return b.build();
    }
}
