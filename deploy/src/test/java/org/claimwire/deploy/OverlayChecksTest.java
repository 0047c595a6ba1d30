package org.claimwire.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.assertj.core.api.SoftAssertions;
import org.claimwire.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every overlay in deploy/k8s/overlays with {@code kubectl kustomize}, parses each document into fabric8
 * model objects and checks the invariants the services depend on. Runs without a cluster.
 */
class OverlayChecksTest {
    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);
    /** CoreNLP with the default annotators needs ≈ 1.5 GB of heap (shared/design/NLP-NOTES.md, issue 7). */
    private static final long NLP_MIN_HEAP_MIB = 1536;
    private static final long SERVICE_MIN_HEAP_MIB = 256;
    private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");
    private static final Pattern IMAGE = Pattern.compile("^(?:(?<prefix>.+)/)?(?<name>[^/:@]+):(?<tag>[^/:@]+)$");
    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(password|passwd|secret|token|api[_-]?keys?|credential|private[_-]?key).*");
    private static final String STRIMZI = "kafka.strimzi.io";

    static List<String> overlays() {
        List<String> overlays = Kustomize.overlays();
        assertThat(overlays).as("overlays in " + Kustomize.overlaysDir()).contains("dev", "prod");
        return overlays;
    }

    // ---------------------------------------------------------------- rendering

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void rendersAndParsesIntoTypedObjects(String overlay) {
        Rendered r = rendered(overlay);
        assertThat(r.objects()).isNotEmpty();
        assertThat(r.deployments()).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(ServiceConfig.SERVICES);
        assertThat(r.services()).hasSize(3);
        assertThat(r.pdbs()).hasSize(3);
        assertThat(r.custom(STRIMZI, "Kafka")).hasSize(1);
        assertThat(r.custom(STRIMZI, "KafkaNodePool")).isNotEmpty();
        assertThat(r.custom("keda.sh", "ScaledObject")).hasSize(1);
        // Every namespaced object goes to the overlay's one namespace.
        Set<String> namespaces = new TreeSet<>();
        r.objects().forEach(o -> namespaces.add(String.valueOf(o.getMetadata().getNamespace())));
        assertThat(namespaces).as("namespaces used by " + overlay).hasSize(1).doesNotContain("null");
    }

    // ---------------------------------------------------------------- per container

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerHasHealthProbesOnItsHttpPort(String overlay) {
        SoftAssertions soft = new SoftAssertions();
        for (Deployment d : rendered(overlay).deployments()) {
            for (Container c : containers(d)) {
                String where = overlay + "/" + d.getMetadata().getName() + "/" + c.getName();
                int port = httpPort(c);
                checkProbe(soft, where + " livenessProbe", c.getLivenessProbe(), "/q/health/live", port, c);
                checkProbe(soft, where + " readinessProbe", c.getReadinessProbe(), "/q/health/ready", port, c);
                checkProbe(soft, where + " startupProbe", c.getStartupProbe(), "/q/health/started", port, c);
                if (c.getStartupProbe() != null && c.getStartupProbe().getPeriodSeconds() != null) {
                    int window = c.getStartupProbe().getPeriodSeconds() * c.getStartupProbe().getFailureThreshold();
                    soft.assertThat(window).as(where + " startup window (s): CoreNLP loads in 10-20 s, slower when CPU-throttled")
                            .isGreaterThanOrEqualTo(d.getMetadata().getName().equals("nlp-service") ? 120 : 60);
                }
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerHasRequestsAndLimitsAndAHeapThatFits(String overlay) {
        SoftAssertions soft = new SoftAssertions();
        for (Deployment d : rendered(overlay).deployments()) {
            for (Container c : containers(d)) {
                String where = overlay + "/" + d.getMetadata().getName() + "/" + c.getName();
                ResourceRequirements res = c.getResources();
                soft.assertThat(res).as(where + " resources").isNotNull();
                if (res == null) {
                    continue;
                }
                for (String r : List.of("cpu", "memory")) {
                    soft.assertThat(res.getRequests()).as(where + " requests").containsKey(r);
                    soft.assertThat(res.getLimits()).as(where + " limits").containsKey(r);
                }
                Quantity limit = res.getLimits() == null ? null : res.getLimits().get("memory");
                Quantity request = res.getRequests() == null ? null : res.getRequests().get("memory");
                if (limit == null || request == null) {
                    continue;
                }
                // A JVM sizes its heap from the limit; a request below it lets the node overcommit memory the
                // heap will use, which ends in OOM kills under load.
                soft.assertThat(Quantity.getAmountInBytes(request)).as(where + " memory request == limit")
                        .isEqualByComparingTo(Quantity.getAmountInBytes(limit));
                Optional<Double> percentage = maxRamPercentage(c);
                soft.assertThat(percentage).as(where + " sets -XX:MaxRAMPercentage in JAVA_OPTS_APPEND").isPresent();
                if (percentage.isPresent()) {
                    soft.assertThat(percentage.get()).as(where + " MaxRAMPercentage leaves room for non-heap memory")
                            .isBetween(40.0, 80.0);
                    long heapMib = Quantity.getAmountInBytes(limit).multiply(BigDecimal.valueOf(percentage.get() / 100.0))
                            .divide(MIB, java.math.RoundingMode.DOWN).longValue();
                    long min = d.getMetadata().getName().equals("nlp-service") ? NLP_MIN_HEAP_MIB : SERVICE_MIN_HEAP_MIB;
                    soft.assertThat(heapMib).as(where + " max heap (MiB) = memory limit x MaxRAMPercentage")
                            .isGreaterThanOrEqualTo(min);
                }
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyPodIsHardened(String overlay) {
        SoftAssertions soft = new SoftAssertions();
        for (Deployment d : rendered(overlay).deployments()) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            PodSecurityContext psc = pod.getSecurityContext();
            String dn = overlay + "/" + d.getMetadata().getName();
            soft.assertThat(psc).as(dn + " pod securityContext").isNotNull();
            soft.assertThat(pod.getAutomountServiceAccountToken()).as(dn + " automountServiceAccountToken").isFalse();
            for (Container c : containers(d)) {
                String where = dn + "/" + c.getName();
                SecurityContext sc = c.getSecurityContext();
                soft.assertThat(sc).as(where + " container securityContext").isNotNull();
                if (sc == null) {
                    continue;
                }
                boolean nonRoot = Boolean.TRUE.equals(sc.getRunAsNonRoot())
                        || (psc != null && Boolean.TRUE.equals(psc.getRunAsNonRoot()));
                soft.assertThat(nonRoot).as(where + " runAsNonRoot").isTrue();
                Long uid = sc.getRunAsUser() != null ? sc.getRunAsUser() : psc == null ? null : psc.getRunAsUser();
                soft.assertThat(uid).as(where + " runAsUser (if set) is not root").satisfiesAnyOf(
                        u -> assertThat(u).isNull(), u -> assertThat(u).isNotZero());
                soft.assertThat(sc.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
                soft.assertThat(sc.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
                soft.assertThat(sc.getPrivileged()).as(where + " privileged").isNotEqualTo(Boolean.TRUE);
                soft.assertThat(sc.getCapabilities() == null ? List.of() : sc.getCapabilities().getDrop())
                        .as(where + " capabilities.drop").contains("ALL");
                soft.assertThat(sc.getCapabilities() == null || sc.getCapabilities().getAdd() == null
                        || sc.getCapabilities().getAdd().isEmpty()).as(where + " adds no capability").isTrue();
                String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                        : psc != null && psc.getSeccompProfile() != null ? psc.getSeccompProfile().getType() : null;
                soft.assertThat(seccomp).as(where + " seccompProfile").isIn("RuntimeDefault", "Localhost");
                // A read-only root filesystem needs a writable /tmp (Vert.x cache, JVM temp files).
                Optional<VolumeMount> tmp = Optional.ofNullable(c.getVolumeMounts()).orElse(List.of()).stream()
                        .filter(m -> "/tmp".equals(m.getMountPath())).findFirst();
                soft.assertThat(tmp).as(where + " mounts /tmp").isPresent();
                tmp.ifPresent(m -> {
                    Optional<Volume> v = pod.getVolumes().stream().filter(vol -> vol.getName().equals(m.getName())).findFirst();
                    soft.assertThat(v.map(Volume::getEmptyDir)).as(where + " /tmp is an emptyDir").isPresent();
                    soft.assertThat(m.getReadOnly()).as(where + " /tmp writable").isNotEqualTo(Boolean.TRUE);
                });
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void imageNamesAreConsistent(String overlay) {
        Set<String> prefixes = new HashSet<>();
        Set<String> tags = new HashSet<>();
        SoftAssertions soft = new SoftAssertions();
        for (Deployment d : rendered(overlay).deployments()) {
            for (Container c : containers(d)) {
                String where = overlay + "/" + d.getMetadata().getName();
                Matcher m = IMAGE.matcher(c.getImage());
                soft.assertThat(m.matches()).as(where + " image '" + c.getImage() + "' is [registry/]group/name:tag").isTrue();
                if (!m.matches()) {
                    continue;
                }
                soft.assertThat(m.group("name")).as(where + " image name").isEqualTo(d.getMetadata().getName());
                soft.assertThat(c.getName()).as(where + " container name").isEqualTo(d.getMetadata().getName());
                soft.assertThat(m.group("tag")).as(where + " image tag").isNotEqualTo("latest");
                soft.assertThat(m.group("prefix")).as(where + " image group").isNotNull().endsWith("claimwire");
                prefixes.add(String.valueOf(m.group("prefix")));
                tags.add(m.group("tag"));
            }
        }
        soft.assertThat(prefixes).as(overlay + ": one registry/group for all services").hasSize(1);
        soft.assertThat(tags).as(overlay + ": one tag for all services").hasSize(1);
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void containerPortMatchesTheServicesHttpPort(String overlay) {
        SoftAssertions soft = new SoftAssertions();
        for (String service : ServiceConfig.SERVICES) {
            int port = ServiceConfig.of(service).httpPort();
            Container c = containers(rendered(overlay).deployment(service)).get(0);
            soft.assertThat(httpPort(c)).as(overlay + "/" + service + " containerPort == quarkus.http.port").isEqualTo(port);
        }
        soft.assertAll();
    }

    // ---------------------------------------------------------------- per service

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDeploymentHasAServiceAndAPodDisruptionBudget(String overlay) {
        Rendered r = rendered(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (Deployment d : r.deployments()) {
            String where = overlay + "/" + d.getMetadata().getName();
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            soft.assertThat(podLabels).as(where + " pod labels match the Deployment selector")
                    .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
            Container c = containers(d).get(0);
            int port = httpPort(c);
            List<Service> services = r.services().stream()
                    .filter(s -> s.getSpec().getSelector() != null && !s.getSpec().getSelector().isEmpty()
                            && podLabels.entrySet().containsAll(s.getSpec().getSelector().entrySet()))
                    .toList();
            soft.assertThat(services).as(where + " has exactly one Service selecting its pods").hasSize(1);
            for (Service s : services) {
                soft.assertThat(s.getSpec().getPorts()).as(where + " Service targets the container port")
                        .anySatisfy(p -> assertThat(targets(p, c)).isTrue());
                soft.assertThat(s.getSpec().getPorts()).as(where + " Service port == the service's own port (" + port + ")")
                        .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(port));
            }
            List<PodDisruptionBudget> pdbs = r.pdbs().stream()
                    .filter(p -> podLabels.entrySet().containsAll(p.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            soft.assertThat(pdbs).as(where + " has exactly one PodDisruptionBudget").hasSize(1);
            pdbs.forEach(p -> soft.assertThat(p.getSpec().getMaxUnavailable() != null || p.getSpec().getMinAvailable() != null)
                    .as(where + " PDB sets a budget").isTrue());
            // Every ConfigMap the pod reads exists in the rendering.
            for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                if (from.getConfigMapRef() != null) {
                    soft.assertThat(r.configMap(from.getConfigMapRef().getName())).as(where + " envFrom ConfigMap "
                            + from.getConfigMapRef().getName()).isPresent();
                }
            }
            soft.assertThat(env(r, c)).as(where + " gets KAFKA_BOOTSTRAP_SERVERS").containsKey("KAFKA_BOOTSTRAP_SERVERS");
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void databaseSettingsComeFromConfigMapAndSecretReferences(String overlay) {
        Rendered r = rendered(overlay);
        Optional<GenericKubernetesResource> cnpg = r.custom("postgresql.cnpg.io", "Cluster").stream().findFirst();
        SoftAssertions soft = new SoftAssertions();
        for (String service : List.of("ingest-service", "query-service")) {
            Container c = containers(r.deployment(service)).get(0);
            Map<String, String> env = env(r, c);
            String where = overlay + "/" + service;
            soft.assertThat(env).as(where + " env").containsKey("QUARKUS_DATASOURCE_JDBC_URL");
            String url = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
            soft.assertThat(url).as(where + " JDBC URL").startsWith("jdbc:postgresql://").doesNotContainIgnoringCase("password");
            for (String var : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                Optional<EnvVar> v = c.getEnv().stream().filter(e -> e.getName().equals(var)).findFirst();
                soft.assertThat(v.map(EnvVar::getValueFrom).map(s -> s.getSecretKeyRef()))
                        .as(where + " " + var + " comes from a secretKeyRef").isPresent();
                v.map(EnvVar::getValueFrom).map(s -> s.getSecretKeyRef()).ifPresent(ref -> {
                    if (cnpg.isPresent()) {
                        String cluster = cnpg.get().getMetadata().getName();
                        soft.assertThat(ref.getName()).as(where + " " + var + " reads the Secret CloudNativePG generates")
                                .isEqualTo(cluster + "-app");
                        soft.assertThat(url).as(where + " JDBC URL points at the CNPG primary service")
                                .startsWith("jdbc:postgresql://" + cluster + "-rw:5432/");
                    } else {
                        // No operator creates it here: the overlay must tell the installer how to.
                        soft.assertThat(read(r.dir().resolve("kustomization.yaml")))
                                .as(where + ": the overlay documents how to create Secret " + ref.getName())
                                .contains("create secret generic " + ref.getName());
                    }
                });
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noSecretValueIsInline(String overlay) {
        Rendered r = rendered(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (Secret s : r.all(Secret.class)) {
            boolean hasValues = (s.getData() != null && !s.getData().isEmpty())
                    || (s.getStringData() != null && !s.getStringData().isEmpty());
            soft.assertThat(hasValues).as(overlay + ": Secret " + s.getMetadata().getName()
                    + " carries values in the repository; reference Secrets, never commit them").isFalse();
        }
        for (ConfigMap cm : r.configMaps()) {
            Optional.ofNullable(cm.getData()).orElse(Map.of()).forEach((k, v) -> {
                soft.assertThat(k).as(overlay + ": ConfigMap " + cm.getMetadata().getName() + " key " + k
                        + " looks like a secret; use a Secret reference").doesNotMatch(SECRET_LOOKING);
                soft.assertThat(v).as(overlay + ": ConfigMap " + cm.getMetadata().getName() + " value of " + k)
                        .doesNotContainIgnoringCase("password=");
            });
        }
        for (Deployment d : r.deployments()) {
            for (Container c : containers(d)) {
                for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (SECRET_LOOKING.matcher(e.getName()).matches()) {
                        soft.assertThat(e.getValue()).as(overlay + "/" + d.getMetadata().getName() + " env " + e.getName()
                                + " has an inline value; use valueFrom.secretKeyRef").isNull();
                    }
                }
            }
        }
        // Belt and braces on the raw text: no base64/stringData blocks at all.
        soft.assertThat(r.yaml()).as(overlay + " rendered YAML").doesNotContain("stringData:");
        soft.assertAll();
    }

    // ---------------------------------------------------------------- Kafka

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void strimziResourcesUseTheCurrentApiAndKraftNodePools(String overlay) {
        Rendered r = rendered(overlay);
        SoftAssertions soft = new SoftAssertions();
        r.objects().stream().filter(o -> o.getApiVersion().startsWith(STRIMZI + "/")).forEach(o ->
                soft.assertThat(o.getApiVersion()).as(overlay + ": " + o.getKind() + " " + o.getMetadata().getName())
                        .isEqualTo(STRIMZI + "/v1"));
        GenericKubernetesResource kafka = r.custom(STRIMZI, "Kafka").get(0);
        String cluster = kafka.getMetadata().getName();
        soft.assertThat((Object) kafka.get("spec", "zookeeper")).as("no ZooKeeper: KRaft only").isNull();
        soft.assertThat((Object) kafka.get("spec", "kafka", "replicas")).as("v1: brokers are counted by node pools").isNull();
        soft.assertThat((Object) kafka.get("spec", "kafka", "storage")).as("v1: storage lives on node pools").isNull();
        soft.assertThat((Object) kafka.get("spec", "entityOperator", "topicOperator"))
                .as("the topic operator reconciles the KafkaTopics").isNotNull();
        int brokers = 0;
        boolean controllers = false;
        for (GenericKubernetesResource pool : r.custom(STRIMZI, "KafkaNodePool")) {
            soft.assertThat(pool.getMetadata().getLabels()).as("node pool " + pool.getMetadata().getName())
                    .containsEntry("strimzi.io/cluster", cluster);
            List<?> roles = pool.get("spec", "roles");
            int replicas = ((Number) pool.get("spec", "replicas")).intValue();
            if (roles.contains("broker")) {
                brokers += replicas;
            }
            controllers |= roles.contains("controller") && replicas > 0;
        }
        soft.assertThat(controllers).as(overlay + ": a KRaft controller pool").isTrue();
        soft.assertThat(brokers).as(overlay + ": brokers").isPositive();
        Map<String, Object> config = kafka.get("spec", "kafka", "config");
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            soft.assertThat(number(config.get(key))).as(overlay + ": Kafka " + key + " <= brokers").isBetween(1, brokers);
        }
        for (GenericKubernetesResource topic : r.custom(STRIMZI, "KafkaTopic")) {
            String where = overlay + ": KafkaTopic " + Rendered.topicName(topic);
            soft.assertThat(topic.getMetadata().getLabels()).as(where).containsEntry("strimzi.io/cluster", cluster);
            int replicas = number(topic.get("spec", "replicas"));
            soft.assertThat(replicas).as(where + " replicas <= brokers").isBetween(1, brokers);
            soft.assertThat(number(topic.get("spec", "partitions"))).as(where + " partitions").isPositive();
            Map<String, Object> topicConfig = topic.get("spec", "config");
            soft.assertThat(topicConfig).as(where + " config").containsKey("retention.ms");
            if (topicConfig != null && topicConfig.get("min.insync.replicas") != null) {
                soft.assertThat(number(topicConfig.get("min.insync.replicas"))).as(where + " min.insync.replicas <= replicas")
                        .isBetween(1, replicas);
            }
        }
        // The services reach the cluster through Strimzi's bootstrap service on the plain listener.
        int plainPort = ((List<Map<String, Object>>) kafka.get("spec", "kafka", "listeners")).stream()
                .filter(l -> Boolean.FALSE.equals(l.get("tls")) && "internal".equals(l.get("type")))
                .map(l -> number(l.get("port"))).findFirst().orElse(-1);
        for (Deployment d : r.deployments()) {
            soft.assertThat(env(r, containers(d).get(0)).get("KAFKA_BOOTSTRAP_SERVERS"))
                    .as(overlay + "/" + d.getMetadata().getName() + " KAFKA_BOOTSTRAP_SERVERS")
                    .isEqualTo(cluster + "-kafka-bootstrap:" + plainPort);
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicTheServicesUseExistsAsAKafkaTopic(String overlay) {
        Rendered r = rendered(overlay);
        Set<String> declared = new TreeSet<>();
        r.custom(STRIMZI, "KafkaTopic").forEach(t -> declared.add(Rendered.topicName(t)));
        SoftAssertions soft = new SoftAssertions();
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            soft.assertThat(declared).as(overlay + ": topics named in " + config.file).containsAll(config.kafkaTopics());
        }
        soft.assertThat(declared).as(overlay + ": every org.claimwire.events.Topics constant").containsAll(contractTopics());
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicAdmitsTheLargestRecordItsProducerMaySend(String overlay) {
        Rendered r = rendered(overlay);
        Map<String, Object> brokerConfig = r.custom(STRIMZI, "Kafka").get(0).get("spec", "kafka", "config");
        // Kafka's default message.max.bytes (1 MiB + record batch overhead).
        long brokerLimit = brokerConfig != null && brokerConfig.get("message.max.bytes") != null
                ? Long.parseLong(String.valueOf(brokerConfig.get("message.max.bytes"))) : 1048588L;
        SoftAssertions soft = new SoftAssertions();
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            config.producerRecordLimits().forEach((channel, limit) -> {
                for (String topic : config.topicsOf(channel)) {
                    Map<String, Object> topicConfig = r.kafkaTopic(topic).get("spec", "config");
                    long topicLimit = topicConfig != null && topicConfig.get("max.message.bytes") != null
                            ? Long.parseLong(String.valueOf(topicConfig.get("max.message.bytes"))) : brokerLimit;
                    soft.assertThat(topicLimit).as(overlay + ": max.message.bytes of " + topic + " >= max.request.size of "
                            + service + " channel " + channel).isGreaterThanOrEqualTo(limit);
                }
            });
        }
        int maxStoryBytes = ServiceConfig.of("ingest-service").maxStoryBytes();
        Set<String> declared = new HashSet<>();
        r.custom(STRIMZI, "KafkaTopic").forEach(t -> declared.add(Rendered.topicName(t)));
        for (String topic : contractTopics()) {
            if (!declared.contains(topic)) {
                continue; // a missing topic is everyTopicTheServicesUseExistsAsAKafkaTopic's finding
            }
            Map<String, Object> topicConfig = r.kafkaTopic(topic).get("spec", "config");
            long topicLimit = topicConfig != null && topicConfig.get("max.message.bytes") != null
                    ? Long.parseLong(String.valueOf(topicConfig.get("max.message.bytes"))) : brokerLimit;
            soft.assertThat(topicLimit).as(overlay + ": max.message.bytes of " + topic + " >= RecordSizes for "
                    + maxStoryBytes + "-byte stories").isGreaterThanOrEqualTo(
                    org.claimwire.events.RecordSizes.topicMaxMessageBytes(topic, maxStoryBytes));
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void kedaScalesNlpServiceOnTheLagOfItsRealConsumerGroup(String overlay) {
        Rendered r = rendered(overlay);
        GenericKubernetesResource so = r.custom("keda.sh", "ScaledObject").get(0);
        String where = overlay + ": ScaledObject " + so.getMetadata().getName();
        String target = so.get("spec", "scaleTargetRef", "name");
        assertThat(target).as(where + " target").isEqualTo("nlp-service");
        Deployment nlp = r.deployment(target);

        List<Map<String, Object>> triggers = so.get("spec", "triggers");
        assertThat(triggers).as(where + " triggers").hasSize(1);
        assertThat(triggers.get(0)).as(where + " trigger type").containsEntry("type", "kafka");
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) triggers.get(0).get("metadata");
        String topic = String.valueOf(meta.get("topic"));
        String group = String.valueOf(meta.get("consumerGroup"));

        ServiceConfig nlpConfig = ServiceConfig.of("nlp-service");
        String channel = nlpConfig.incomingChannelFor(topic);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(topic).as(where + " scales on the raw story topic").isEqualTo(Topics.STORIES_RAW);
        soft.assertThat(group).as(where + " consumerGroup == group.id of nlp-service channel '" + channel + "' in "
                + nlpConfig.file).isEqualTo(nlpConfig.groupId(channel));

        int partitions = number(r.kafkaTopic(topic).get("spec", "partitions"));
        int max = number(so.get("spec", "maxReplicaCount"));
        int min = so.get("spec", "minReplicaCount") == null ? 0 : number(so.get("spec", "minReplicaCount"));
        soft.assertThat(max).as(where + " maxReplicaCount <= partitions of " + topic + " (" + partitions + ")")
                .isBetween(1, partitions);
        soft.assertThat(min).as(where + " minReplicaCount <= maxReplicaCount").isLessThanOrEqualTo(max);
        // The enriched topic carries what the same replicas produce; keep it at least as wide.
        soft.assertThat(number(r.kafkaTopic(Topics.STORIES_ENRICHED).get("spec", "partitions")))
                .as(overlay + ": partitions of " + Topics.STORIES_ENRICHED + " >= nlp maxReplicaCount").isGreaterThanOrEqualTo(max);
        soft.assertThat(nlp.getSpec().getReplicas()).as(where + ": KEDA owns nlp-service's replicas; the Deployment sets none")
                .isNull();

        // The KEDA operator connects from its own namespace: the address must name the cluster's namespace.
        GenericKubernetesResource kafka = r.custom(STRIMZI, "Kafka").get(0);
        String namespace = so.getMetadata().getNamespace();
        soft.assertThat(String.valueOf(meta.get("bootstrapServers"))).as(where + " bootstrapServers")
                .startsWith(kafka.getMetadata().getName() + "-kafka-bootstrap." + namespace + ".svc");
        soft.assertThat(namespace).as(where + " namespace").isEqualTo(kafka.getMetadata().getNamespace());
        soft.assertAll();
    }

    // ---------------------------------------------------------------- environments

    @Test
    void devRunsOneReplicaOfEachService() {
        Rendered dev = Kustomize.overlay("dev");
        for (Deployment d : dev.deployments()) {
            assertThat(Optional.ofNullable(d.getSpec().getReplicas()).orElse(1)).as("dev " + d.getMetadata().getName())
                    .isEqualTo(1);
        }
        assertThat(number(dev.custom("keda.sh", "ScaledObject").get(0).get("spec", "maxReplicaCount"))).isEqualTo(1);
    }

    @Test
    void prodRunsSeveralReplicasAndReplicatedKafka() {
        Rendered prod = Kustomize.overlay("prod");
        assertThat(prod.deployment("ingest-service").getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(prod.deployment("query-service").getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(number(prod.custom("keda.sh", "ScaledObject").get(0).get("spec", "minReplicaCount"))).isGreaterThanOrEqualTo(2);
        for (GenericKubernetesResource t : prod.custom(STRIMZI, "KafkaTopic")) {
            assertThat(number(t.get("spec", "replicas"))).as("prod " + Rendered.topicName(t) + " replicas").isGreaterThanOrEqualTo(3);
        }
        assertThat(prod.custom("postgresql.cnpg.io", "Cluster")).as("prod runs PostgreSQL with CloudNativePG").hasSize(1);
        assertThat(number(prod.custom("postgresql.cnpg.io", "Cluster").get(0).get("spec", "instances"))).isGreaterThanOrEqualTo(2);
    }

    /** The optional components (tracing, Prometheus Operator) compose with prod and keep every check green. */
    @Test
    void optionalComponentsComposeWithProd() throws java.io.IOException {
        Path dir = Kustomize.root().resolve("deploy/target/prod-with-components");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: claimwire
                resources:
                  - ../../k8s/overlays/prod
                components:
                  - ../../k8s/components/otel
                  - ../../k8s/components/prometheus-operator
                """);
        String combo = dir.toAbsolutePath().toString();
        Rendered r = rendered(combo);
        Container query = containers(r.deployment("query-service")).get(0);
        assertThat(env(r, query)).as("tracing switched on through the shared ConfigMap")
                .containsEntry("OTEL_SDK_DISABLED", "false").containsEntry("CLAIMWIRE_TRACE_RECORDS", "true")
                .containsKey("OTEL_EXPORTER_OTLP_ENDPOINT");
        assertThat(r.custom("monitoring.coreos.com", "PodMonitor")).hasSize(1);
        assertThat(r.custom("monitoring.coreos.com", "PrometheusRule")).hasSize(1);
        rendersAndParsesIntoTypedObjects(combo);
        everyContainerHasHealthProbesOnItsHttpPort(combo);
        everyPodIsHardened(combo);
        noSecretValueIsInline(combo);
        kedaScalesNlpServiceOnTheLagOfItsRealConsumerGroup(combo);
    }

    // ---------------------------------------------------------------- helpers

    /** An overlay under deploy/k8s/overlays by name, or any kustomization directory by absolute path. */
    static Rendered rendered(String overlay) {
        return overlay.startsWith("/") ? Kustomize.render(Path.of(overlay)) : Kustomize.overlay(overlay);
    }

    static Set<String> contractTopics() {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().endsWith("_HEADER")) {
                try {
                    topics.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(topics).as("topic constants in org.claimwire.events.Topics").isNotEmpty();
        return topics;
    }

    private static List<Container> containers(Deployment d) {
        List<Container> all = new ArrayList<>(d.getSpec().getTemplate().getSpec().getContainers());
        all.addAll(Optional.ofNullable(d.getSpec().getTemplate().getSpec().getInitContainers()).orElse(List.of()));
        return all;
    }

    private static int httpPort(Container c) {
        return Optional.ofNullable(c.getPorts()).orElse(List.of()).stream()
                .filter(p -> "http".equals(p.getName())).map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(c.getName() + " has no container port named http"));
    }

    private static void checkProbe(SoftAssertions soft, String where, Probe probe, String path, int port, Container c) {
        soft.assertThat(probe).as(where).isNotNull();
        if (probe == null) {
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        soft.assertThat(get).as(where + " httpGet").isNotNull();
        if (get == null) {
            return;
        }
        soft.assertThat(get.getPath()).as(where + " path").isEqualTo(path);
        soft.assertThat(resolvePort(get.getPort(), c)).as(where + " port").isEqualTo(port);
    }

    private static int resolvePort(IntOrString port, Container c) {
        if (port == null) {
            return -1;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(-1);
    }

    private static boolean targets(ServicePort p, Container c) {
        return p.getTargetPort() != null && resolvePort(p.getTargetPort(), c) == httpPort(c);
    }

    private static Optional<Double> maxRamPercentage(Container c) {
        return Optional.ofNullable(c.getEnv()).orElse(List.of()).stream()
                .filter(e -> Set.of("JAVA_OPTS_APPEND", "JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS").contains(e.getName()))
                .map(EnvVar::getValue).filter(Objects::nonNull)
                .map(MAX_RAM_PERCENTAGE::matcher).filter(Matcher::find)
                .map(m -> Double.parseDouble(m.group(1))).reduce((a, b) -> b);
    }

    /** The plain environment a container sees: envFrom ConfigMaps, then literal env values (which win). */
    private static Map<String, String> env(Rendered r, Container c) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            if (from.getConfigMapRef() != null) {
                r.configMap(from.getConfigMapRef().getName()).map(ConfigMap::getData).ifPresent(env::putAll);
            }
        }
        for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            if (e.getValue() != null) {
                env.put(e.getName(), e.getValue());
            }
        }
        return env;
    }

    private static int number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        return Integer.parseInt(String.valueOf(value));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unused")
    private static String describe(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }
}
