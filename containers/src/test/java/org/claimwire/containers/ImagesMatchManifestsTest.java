package org.claimwire.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built images and deploy/'s manifests describe the same containers: name and tag, port, user, the
 * writable volume under a read-only root, probe paths and the shipped JVM options.
 */
class ImagesMatchManifestsTest {
    static final java.util.List<String> SERVICES = ContainerImages.SERVICES;

    static java.util.List<String> services() {
        return SERVICES;
    }

    @Test
    void everyOverlayDeploysExactlyTheImagesThisVersionBuilds() {
        for (String overlay : DeployManifests.OVERLAYS) {
            Map<String, DeployManifests.Service> deployed = DeployManifests.render(overlay);
            assertThat(deployed.keySet()).as(overlay).containsExactlyInAnyOrderElementsOf(SERVICES);
            deployed.forEach((name, d) -> assertThat(d.image()).as(overlay + " " + name)
                    .isEqualTo("docker.io/" + ContainerImages.service(name)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void imageMatchesItsManifest(String service) {
        DeployManifests.Service manifest = DeployManifests.render("base").get(service);
        InspectImageResponse image = ContainerImages.inspectLocal(ContainerImages.service(service));
        ContainerConfig config = image.getConfig();
        SoftAssertions soft = new SoftAssertions();

        soft.assertThat(Arrays.stream(config.getExposedPorts()).map(ExposedPort::getPort))
                .as("EXPOSE = containerPort").containsExactly(manifest.port());
        soft.assertThat(config.getUser()).as("image user = runAsUser:runAsGroup")
                .isEqualTo(manifest.runAsUser() + ":" + manifest.runAsGroup());
        soft.assertThat(manifest.runAsNonRoot()).as("manifest runAsNonRoot").isTrue();
        soft.assertThat(manifest.runAsUser()).as("manifest user is not root").isPositive();
        soft.assertThat(manifest.readOnlyRootFilesystem()).as("manifest readOnlyRootFilesystem").isTrue();
        soft.assertThat(config.getVolumes()).as("image volumes = the manifest's emptyDir mounts")
                .containsOnlyKeys(manifest.emptyDirMounts().toArray(String[]::new));
        Map<String, String> labels = config.getLabels();
        soft.assertThat(manifest.probePaths()).as("probe paths").isEqualTo(Map.of(
                "livenessProbe", labels.get("org.claimwire.health.liveness"),
                "readinessProbe", labels.get("org.claimwire.health.readiness"),
                "startupProbe", labels.get("org.claimwire.health.startup")));
        soft.assertThat(env(config, "JAVA_OPTS_APPEND")).as("JAVA_OPTS_APPEND (the shipped JVM options)")
                .isEqualTo(manifest.javaOptsAppend()).isPresent();
        soft.assertThat(labels).as("OCI labels")
                .containsEntry("org.opencontainers.image.title", "claimwire/" + service)
                .containsEntry("org.opencontainers.image.version", ContainerImages.version())
                .containsEntry("org.opencontainers.image.licenses", "GPL-3.0-or-later")
                .containsKeys("org.opencontainers.image.revision", "org.opencontainers.image.created",
                        "org.opencontainers.image.base.name");
        soft.assertAll();
    }

    private static Optional<String> env(ContainerConfig config, String name) {
        return Arrays.stream(config.getEnv()).filter(e -> e.startsWith(name + "="))
                .map(e -> e.substring(name.length() + 1)).findFirst();
    }
}
