package org.claimwire.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks must fail on the mistakes they exist for. This renders the dev overlay with a set of deliberate
 * violations layered on top (in target/, never committed) and expects each check to reject it.
 */
class ChecksCatchViolationsTest {
    private static String broken;
    private final OverlayChecksTest checks = new OverlayChecksTest();

    @BeforeAll
    static void writeBrokenOverlay() throws IOException {
        Path dir = Kustomize.root().resolve("deploy/target/broken-overlay");
        Files.createDirectories(dir);
        Path dev = Kustomize.overlaysDir().resolve("dev");
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                  - secret.yaml
                patches:
                  - target: {kind: ScaledObject, name: nlp-service}
                    patch: |-
                      - op: replace
                        path: /spec/triggers/0/metadata/consumerGroup
                        value: nlp-service
                      - op: replace
                        path: /spec/maxReplicaCount
                        value: 24
                  - target: {kind: Deployment, name: nlp-service}
                    patch: |-
                      - op: remove
                        path: /spec/template/spec/containers/0/startupProbe
                      - op: remove
                        path: /spec/template/spec/containers/0/resources/limits
                      - op: replace
                        path: /spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem
                        value: false
                      - op: replace
                        path: /spec/template/spec/containers/0/image
                        value: registry.example.com/claimwire/nlp-service:latest
                  - target: {kind: KafkaTopic, name: wire.stories.enriched}
                    patch: |-
                      - op: remove
                        path: /spec/config/max.message.bytes
                  - patch: |-
                      $patch: delete
                      apiVersion: kafka.strimzi.io/v1
                      kind: KafkaTopic
                      metadata:
                        name: wire.nlp.dlq
                """.formatted(dir.relativize(dev)));
        Files.writeString(dir.resolve("secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: claimwire-db-app
                stringData:
                  username: claimwire
                  password: hunter2
                """);
        broken = dir.toAbsolutePath().toString();
    }

    @Test
    void wrongConsumerGroupAndTooManyReplicasAreCaught() {
        assertThatThrownBy(() -> checks.kedaScalesNlpServiceOnTheLagOfItsRealConsumerGroup(broken))
                .hasMessageContaining("consumerGroup == group.id")
                .hasMessageContaining("maxReplicaCount <= partitions");
    }

    @Test
    void missingProbeAndLimitsAreCaught() {
        assertThatThrownBy(() -> checks.everyContainerHasHealthProbesOnItsHttpPort(broken)).hasMessageContaining("startupProbe");
        assertThatThrownBy(() -> checks.everyContainerHasRequestsAndLimitsAndAHeapThatFits(broken)).hasMessageContaining("limits");
    }

    @Test
    void writableRootFilesystemIsCaught() {
        assertThatThrownBy(() -> checks.everyPodIsHardened(broken)).hasMessageContaining("readOnlyRootFilesystem");
    }

    @Test
    void inconsistentOrLatestImageIsCaught() {
        assertThatThrownBy(() -> checks.imageNamesAreConsistent(broken))
                .hasMessageContaining("image tag").hasMessageContaining("one registry/group");
    }

    @Test
    void missingTopicIsCaught() {
        assertThatThrownBy(() -> checks.everyTopicTheServicesUseExistsAsAKafkaTopic(broken)).hasMessageContaining("wire.nlp.dlq");
    }

    @Test
    void recordLimitBelowTheProducersIsCaught() {
        assertThatThrownBy(() -> checks.everyTopicAdmitsTheLargestRecordItsProducerMaySend(broken))
                .hasMessageContaining("wire.stories.enriched");
    }

    @Test
    void inlineSecretIsCaught() {
        assertThatThrownBy(() -> checks.noSecretValueIsInline(broken)).hasMessageContaining("Secret claimwire-db-app");
    }
}
