package org.claimwire.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** {@code @QuarkusTestResource(KafkaTestResource.class)}: the JVM's shared real broker, topics created. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return KafkaBroker.shared().quarkusConfig();
    }

    @Override
    public void stop() {
        // The broker is shared by every test class in the JVM and stops with it.
    }
}
