package org.claimwire.ingest.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.claimwire.security.KeyStore;
import org.claimwire.security.persistence.JdbcKeyStore;

/** ingest-service keeps its copy of the API keys (hashes) in {@code ingest.api_key} (V2). */
public class ApiKeyTable {
    @Produces
    @ApplicationScoped
    KeyStore keyStore(AgroalDataSource ds) {
        return new JdbcKeyStore(ds, "ingest");
    }
}
