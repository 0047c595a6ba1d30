package org.claimwire.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimwire.ingest.IngestPipeline;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the dedupe index was rebuilt from PostgreSQL. Kafka (the {@code stories-out} and
 * {@code dlq-out} channels) and the datasource report their own readiness checks beside this one.
 */
@Readiness
@ApplicationScoped
public class IngestReadiness implements HealthCheck {
    @Inject
    IngestPipeline pipeline;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ingest-dedupe-index").status(pipeline.ready())
                .withData("stories", pipeline.knownStories()).build();
    }
}
