package org.claimwire.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The services' Deployments as deploy/ renders them ({@code kubectl kustomize}), reduced to what a container
 * runtime must reproduce: image, port, user, file system, probes, JVM options, resources.
 */
final class DeployManifests {
    static final List<String> OVERLAYS = List.of("base", "overlays/dev", "overlays/prod", "overlays/prod-external-db");

    record Service(String name, String image, int port, long runAsUser, long runAsGroup, boolean runAsNonRoot,
                   boolean readOnlyRootFilesystem, boolean allowPrivilegeEscalation, List<String> droppedCapabilities,
                   Set<String> emptyDirMounts, Map<String, String> probePaths, Optional<String> javaOptsAppend,
                   Optional<String> memoryLimit, Optional<String> cpuLimit) {
    }

    private DeployManifests() {
    }

    /** The three services' Deployments in one kustomization under deploy/k8s (e.g. "base", "overlays/dev"). */
    static Map<String, Service> render(String kustomization) {
        Map<String, Service> services = new LinkedHashMap<>();
        for (JsonNode doc : documents(kustomization)) {
            if (!"Deployment".equals(doc.path("kind").asText())) {
                continue;
            }
            String name = doc.path("metadata").path("name").asText();
            if (ContainerImages.SERVICES.contains(name)) {
                services.put(name, service(name, doc.path("spec").path("template").path("spec")));
            }
        }
        return services;
    }

    private static Service service(String name, JsonNode pod) {
        JsonNode c = pod.path("containers").get(0);
        JsonNode podSecurity = pod.path("securityContext");
        JsonNode security = c.path("securityContext");
        Set<String> emptyDirs = new HashSet<>();
        pod.path("volumes").forEach(v -> {
            if (v.has("emptyDir")) {
                emptyDirs.add(v.path("name").asText());
            }
        });
        Set<String> emptyDirMounts = new HashSet<>();
        c.path("volumeMounts").forEach(m -> {
            if (emptyDirs.contains(m.path("name").asText())) {
                emptyDirMounts.add(m.path("mountPath").asText());
            }
        });
        Map<String, String> probes = new LinkedHashMap<>();
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            JsonNode get = c.path(probe).path("httpGet");
            if (!get.isMissingNode()) {
                probes.put(probe, get.path("path").asText());
            }
        }
        Optional<String> javaOpts = Optional.empty();
        for (JsonNode e : c.path("env")) {
            if ("JAVA_OPTS_APPEND".equals(e.path("name").asText())) {
                javaOpts = Optional.of(e.path("value").asText());
            }
        }
        List<String> dropped = new ArrayList<>();
        security.path("capabilities").path("drop").forEach(d -> dropped.add(d.asText()));
        JsonNode ports = c.path("ports");
        JsonNode limits = c.path("resources").path("limits");
        return new Service(name, c.path("image").asText(),
                ports.isEmpty() ? -1 : ports.get(0).path("containerPort").asInt(),
                either(security, podSecurity, "runAsUser").asLong(-1),
                either(security, podSecurity, "runAsGroup").asLong(-1),
                either(security, podSecurity, "runAsNonRoot").asBoolean(false),
                security.path("readOnlyRootFilesystem").asBoolean(false),
                security.path("allowPrivilegeEscalation").asBoolean(true), dropped, emptyDirMounts, probes, javaOpts,
                text(limits.path("memory")), text(limits.path("cpu")));
    }

    /** Container-level settings win over pod-level ones, as in Kubernetes. */
    private static JsonNode either(JsonNode container, JsonNode pod, String field) {
        return container.has(field) ? container.get(field) : pod.has(field) ? pod.get(field) : MissingNode.getInstance();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    private static List<JsonNode> documents(String kustomization) {
        Path dir = ContainerImages.root().resolve("deploy/k8s").resolve(kustomization);
        String kubectl = Optional.ofNullable(System.getenv("KUBECTL")).orElse(System.getProperty("kubectl", "kubectl"));
        try {
            Process p = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
            }
            ObjectMapper yaml = new YAMLMapper();
            List<JsonNode> docs = new ArrayList<>();
            try (var parser = new YAMLFactory().createParser(out)) {
                yaml.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
            }
            return docs;
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is needed to render deploy/k8s (set -Dkubectl=... or KUBECTL)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
