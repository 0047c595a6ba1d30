package org.claimwire.query;

import org.claimwire.testsupport.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A plain JDBC data source with query-service's schema migrated (Flyway, schema {@code query}), for code that runs the
 * persistence classes without Quarkus: JdbcClaimIndexTest, BenchLoaderTest and bench/ask's evaluation.
 */
public final class TestSchema {
    private TestSchema() {
    }

    /** A data source on {@code jdbcUrl} as the embedded server's user, with the {@code query} schema migrated. */
    public static PGSimpleDataSource migrated(String jdbcUrl) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl);
        ds.setUser(EmbeddedPostgresServer.USER);
        ds.setPassword(EmbeddedPostgresServer.PASSWORD);
        Flyway.configure().dataSource(ds).schemas("query").createSchemas(true).locations("classpath:db/migration")
                .load().migrate();
        return ds;
    }
}
