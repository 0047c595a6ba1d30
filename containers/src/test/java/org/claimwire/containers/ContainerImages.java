package org.claimwire.containers;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.command.InspectImageResponse;
import java.nio.file.Path;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/** The images under test: names, tags, and where Kafka and PostgreSQL come from. */
final class ContainerImages {
    static final List<String> SERVICES = List.of("ingest-service", "nlp-service", "query-service");

    private ContainerImages() {
    }

    static String version() {
        return System.getProperty("claimwire.version", "0.1.0-SNAPSHOT");
    }

    static Path root() {
        return Path.of(System.getProperty("claimwire.root", "..")).toAbsolutePath().normalize();
    }

    /** claimwire/ingest-service:0.1.0-SNAPSHOT, as `./claimwire images` tags it. */
    static String service(String name) {
        return "claimwire/" + name + ":" + version();
    }

    /** true: the official apache/kafka and postgres images (pulled where a registry answers); false: the stand-ins. */
    static boolean official() {
        return Boolean.getBoolean("claimwire.containers.official-images");
    }

    static String kafka() {
        return official() ? System.getProperty("claimwire.containers.kafka-image", "apache/kafka:4.1.2")
                : "claimwire/kafka-standin:" + System.getProperty("claimwire.kafka.version", "4.1.2");
    }

    static String postgres() {
        return official() ? System.getProperty("claimwire.containers.postgres-image", "postgres:15")
                : "claimwire/postgres-standin:15";
    }

    /** The local image, or a failure that says how to build it (a local image is never pulled). */
    static InspectImageResponse inspectLocal(String image) {
        try {
            return DockerClientFactory.lazyClient().inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new AssertionError("image " + image + " is not on the Docker host: run ./claimwire images first", e);
        }
    }
}
