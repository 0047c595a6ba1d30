package org.claimwire.nlp.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.claimwire.nlp.EnrichmentService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the CoreNLP models are loaded (Kafka channels report their own readiness). */
@Readiness
@ApplicationScoped
public class PipelineReadiness implements HealthCheck {
    private final EnrichmentService service;

    public PipelineReadiness(EnrichmentService service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("corenlp-pipeline").status(service.ready()).build();
    }
}
