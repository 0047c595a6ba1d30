package org.claimwire.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The typed objects of one rendered kustomization. Custom resources (Strimzi, KEDA, CNPG) stay generic. */
record Rendered(Path dir, String yaml, List<HasMetadata> objects) {

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    Deployment deployment(String name) {
        return deployments().stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(dir + ": no Deployment " + name));
    }

    List<Service> services() {
        return all(Service.class);
    }

    List<PodDisruptionBudget> pdbs() {
        return all(PodDisruptionBudget.class);
    }

    List<ConfigMap> configMaps() {
        return all(ConfigMap.class);
    }

    Optional<ConfigMap> configMap(String name) {
        return configMaps().stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst();
    }

    /** Custom resources of one kind, e.g. ("kafka.strimzi.io", "KafkaTopic"). */
    List<GenericKubernetesResource> custom(String group, String kind) {
        return objects.stream()
                .filter(o -> o.getKind().equals(kind) && o.getApiVersion().startsWith(group + "/"))
                .map(o -> {
                    if (!(o instanceof GenericKubernetesResource g)) {
                        throw new AssertionError(kind + " parsed as " + o.getClass() + ", expected a generic resource");
                    }
                    return g;
                })
                .toList();
    }

    GenericKubernetesResource kafkaTopic(String topic) {
        return custom("kafka.strimzi.io", "KafkaTopic").stream()
                .filter(t -> topic.equals(topicName(t)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(dir.getFileName() + ": no KafkaTopic for topic '" + topic + "'"));
    }

    /** spec.topicName if set, else metadata.name (Strimzi's rule). */
    static String topicName(GenericKubernetesResource topic) {
        Object explicit = topic.get("spec", "topicName");
        return explicit != null ? explicit.toString() : topic.getMetadata().getName();
    }
}
