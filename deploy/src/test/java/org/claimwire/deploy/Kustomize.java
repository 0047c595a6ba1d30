package org.claimwire.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Renders a kustomization with {@code kubectl kustomize} and parses every document into fabric8 model objects. */
final class Kustomize {
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<Path, Rendered> CACHE = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The repository root (the surefire configuration passes it; falls back to the parent of the working dir). */
    static Path root() {
        String configured = System.getProperty("claimwire.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    static Path overlaysDir() {
        return root().resolve("deploy/k8s/overlays");
    }

    /** Every overlay directory (each holds a kustomization.yaml), sorted by name. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(overlaysDir())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + overlaysDir(), e);
        }
    }

    static Rendered overlay(String name) {
        return render(overlaysDir().resolve(name));
    }

    static Rendered render(Path kustomization) {
        return CACHE.computeIfAbsent(kustomization.toAbsolutePath().normalize(), Kustomize::renderNow);
    }

    /** The raw YAML that {@code kubectl kustomize dir} prints; fails the test with kubectl's stderr otherwise. */
    static String kustomize(Path dir) {
        String kubectl = kubectl();
        try {
            File err = File.createTempFile("kustomize", ".err");
            err.deleteOnExit();
            Process p = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                    .redirectError(err).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 2 minutes");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + p.exitValue() + "):\n"
                        + Files.readString(err.toPath()));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + kubectl + " kustomize " + dir + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        }
    }

    /**
     * The kubectl to run: -Dkubectl / $KUBECTL if set, else the first kubectl on PATH. Fails with a clear
     * message when there is none: these checks need kubectl (which embeds kustomize), and CI installs it.
     */
    static String kubectl() {
        String configured = System.getProperty("kubectl");
        if (configured == null || configured.isBlank() || configured.equals("kubectl")) {
            configured = System.getenv("KUBECTL");
        }
        if (configured != null && !configured.isBlank()) {
            if (configured.contains(File.separator) && !Files.isExecutable(Path.of(configured))) {
                throw new AssertionError("kubectl not found at " + configured + " (set by -Dkubectl or $KUBECTL)");
            }
            return configured;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("kubectl is not installed (not on PATH, no -Dkubectl, no $KUBECTL). The deploy checks "
                + "render deploy/k8s/overlays/* with 'kubectl kustomize' (kubectl >= 1.27, which embeds kustomize v5). "
                + "Install it (e.g. the Debian package 'kubectl' from the Kubernetes apt repository, or a pinned binary) "
                + "and run again; see deploy/README.md.");
    }

    private static Rendered renderNow(Path dir) {
        return parse(dir, kustomize(dir));
    }

    /** Parses multi-document YAML into typed objects (custom resources become GenericKubernetesResource). */
    static Rendered parse(Path origin, String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : DOCUMENT_SEPARATOR.split(yaml)) {
            if (doc.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(doc);
            if (!(parsed instanceof HasMetadata object)) {
                throw new AssertionError("rendered document is not a Kubernetes object:\n" + doc);
            }
            objects.add(object);
        }
        return new Rendered(origin, yaml, List.copyOf(objects));
    }
}
