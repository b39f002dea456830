package net.p2pnet.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every manifest in deploy/kubernetes read strictly as the Kubernetes API types of the fabric8 model
 * (a field the API does not know, which kubectl would drop or refuse, fails the test), then our
 * rules: probes, resources, non-root, pinned images, a kustomization listing every file.
 */
class KubernetesManifestsTest {

    private static final Path DIR = ExternalCommand.repositoryRoot().resolve("deploy/kubernetes");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Namespace", Namespace.class, "ConfigMap", ConfigMap.class, "Service", Service.class,
            "Deployment", Deployment.class, "StatefulSet", StatefulSet.class, "DaemonSet", DaemonSet.class);
    private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void everyManifestIsAKnownKindWithNoFieldTheApiDoesNotKnow() throws Exception {
        List<HasMetadata> resources = resources();
        assertThat(resources).extracting(HasMetadata::getKind)
                .contains("Namespace", "StatefulSet", "Deployment", "DaemonSet", "Service", "ConfigMap");
        for (HasMetadata resource : resources) {
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(resource, resource.getKind() + "/" + resource.getMetadata().getName(), unknown,
                    new IdentityHashMap<>());
            assertThat(unknown).as("fields the Kubernetes API does not know").isEmpty();
            assertThat(resource.getMetadata().getNamespace()).as(resource.getMetadata().getName())
                    .isEqualTo(resource instanceof Namespace ? null : "p2pnet");
        }
    }

    @Test
    void everyWorkloadHasProbesResourcesARunAsNonRootContextAndPinnedImages() throws Exception {
        List<String> workloads = new ArrayList<>();
        for (HasMetadata resource : resources()) {
            PodSpec pod = switch (resource) {
                case Deployment d -> d.getSpec().getTemplate().getSpec();
                case StatefulSet s -> s.getSpec().getTemplate().getSpec();
                case DaemonSet d -> d.getSpec().getTemplate().getSpec();
                default -> null;
            };
            if (pod == null) {
                continue;
            }
            String name = resource.getMetadata().getName();
            workloads.add(name);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name + " runAsUser").isPositive();
            List<Container> all = new ArrayList<>(pod.getContainers());
            all.addAll(pod.getInitContainers());
            for (Container container : all) {
                String where = name + "/" + container.getName();
                assertThat(container.getImage()).as(where + " image").contains(":").doesNotEndWith(":latest");
                assertThat(container.getResources().getRequests()).as(where + " requests").containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(where + " limits").containsKey("memory");
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(where).isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(where).contains("ALL");
            }
            for (Container container : pod.getContainers()) {
                String where = name + "/" + container.getName();
                assertThat(container.getStartupProbe()).as(where + " startupProbe").isNotNull();
                assertThat(container.getReadinessProbe()).as(where + " readinessProbe").isNotNull();
                assertThat(container.getLivenessProbe()).as(where + " livenessProbe").isNotNull();
            }
        }
        assertThat(workloads).containsExactlyInAnyOrder("postgres", "rendezvous", "tracker", "chatroom", "agent");
    }

    @Test
    void theAgentIsProbedOnItsManagementPortAndTheDatabaseSchemaIsAValidName() throws Exception {
        for (HasMetadata resource : resources()) {
            if (resource instanceof DaemonSet agent) {
                Container container = agent.getSpec().getTemplate().getSpec().getContainers().getFirst();
                assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
                assertThat(agent.getSpec().getTemplate().getSpec().getVolumes())
                        .as("no root-owned hostPath for uid 10001").allSatisfy(v -> assertThat(v.getHostPath()).isNull());
            }
            if (resource instanceof StatefulSet set && set.getMetadata().getName().equals("rendezvous")) {
                String schema = set.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                        .filter(e -> e.getName().equals("P2PNET_DB_SCHEMA")).findFirst().orElseThrow().getValue();
                // $(POD_INDEX) is a number: the schema is rendezvous_0, rendezvous_1, ...
                assertThat(schema.replace("$(POD_INDEX)", "0")).matches("[a-z_][a-z0-9_]*");
            }
        }
    }

    @Test
    void theKustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization = new YAMLMapper().readTree(DIR.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(manifestFiles().stream()
                .map(f -> f.getFileName().toString()).toList());
    }

    private static List<Path> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
    }

    private static List<HasMetadata> resources() throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        for (Path file : manifestFiles()) {
            for (JsonNode document : new YAMLMapper().readValues(new YAMLFactory().createParser(file.toFile()),
                    JsonNode.class).readAll()) {
                String kind = document.path("kind").asText();
                assertThat(KINDS).as(file + ": kind " + kind).containsKey(kind);
                resources.add(STRICT.treeToValue(document, KINDS.get(kind)));
            }
        }
        return resources;
    }

    /**
     * The fabric8 types keep fields they do not know in additionalProperties instead of failing, so
     * every object of the model is searched for any.
     */
    private static void collectUnknownFields(Object object, String path, List<String> unknown,
                                             Map<Object, Boolean> seen) throws Exception {
        if (object == null || seen.put(object, Boolean.TRUE) != null) {
            return;
        }
        if (object instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (object instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectUnknownFields(entry.getValue(), path + "." + entry.getKey(), unknown, seen);
            }
            return;
        }
        if (!object.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value = getter.invoke(object);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else if (!Set.of("getApiVersion", "getKind", "getPlural", "getSingular", "getFullResourceName")
                    .contains(getter.getName())) {
                collectUnknownFields(value, path + "." + getter.getName().substring(3), unknown, seen);
            }
        }
    }
}
