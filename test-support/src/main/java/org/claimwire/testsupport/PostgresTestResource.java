package org.claimwire.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** {@code @QuarkusTestResource(PostgresTestResource.class)}: the JVM's shared embedded PostgreSQL. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return EmbeddedPostgresServer.shared().quarkusConfig();
    }

    @Override
    public void stop() {
        // Shared by every test class in the JVM; stops with it.
    }
}
