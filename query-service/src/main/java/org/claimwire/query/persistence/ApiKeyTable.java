package org.claimwire.query.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.claimwire.security.KeyStore;
import org.claimwire.security.persistence.JdbcKeyStore;

/** query-service keeps its copy of the API keys (hashes) in {@code query.api_key} (V10). */
public class ApiKeyTable {
    @Produces
    @ApplicationScoped
    KeyStore keyStore(AgroalDataSource ds) {
        return new JdbcKeyStore(ds, "query");
    }
}
