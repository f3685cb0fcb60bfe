package org.credstack.deploy;

import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One overlay of {@code k8s/} as {@code kubectl kustomize} renders it, read into fabric8's typed Kubernetes model
 * (and Strimzi's {@code api} for {@code kafka.strimzi.io/v1} resources). Reading fails on a kind no typed model knows
 * and on any field the model does not have, so a misspelt or misplaced field cannot pass unnoticed (the API server
 * would drop or refuse it).
 *
 * @param overlay the overlay's directory name under {@code k8s/overlays}
 * @param resources every rendered resource, in output order
 */
record K8sManifests(String overlay, List<HasMetadata> resources) {

    /** The repository root: platform-deploy's parent directory. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final Map<String, K8sManifests> RENDERED = new ConcurrentHashMap<>();

    /** The overlays under {@code k8s/overlays}, by directory name. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("k8s/overlays"))) {
            return dirs.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The overlay rendered by {@code kubectl kustomize} and read (once per test JVM). */
    static K8sManifests of(String overlay) {
        return RENDERED.computeIfAbsent(
                overlay,
                name -> read(name, kustomize(ROOT.resolve("k8s/overlays").resolve(name))));
    }

    /** A serialization that knows the Strimzi kinds of the {@code kafka.strimzi.io/v1} API besides fabric8's own. */
    static KubernetesSerialization serialization() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        serialization.registerKubernetesResource("kafka.strimzi.io/v1", "Kafka", Kafka.class);
        serialization.registerKubernetesResource("kafka.strimzi.io/v1", "KafkaNodePool", KafkaNodePool.class);
        serialization.registerKubernetesResource("kafka.strimzi.io/v1", "KafkaTopic", KafkaTopic.class);
        return serialization;
    }

    /**
     * Reads a multi-document YAML stream.
     *
     * @throws AssertionError naming the resource and field for an unknown kind or field
     */
    static K8sManifests read(String overlay, String yaml) {
        KubernetesSerialization serialization = serialization();
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Object resource = serialization.unmarshal(document);
            if (resource instanceof GenericKubernetesResource generic) {
                fail(
                        "%s: no typed model for %s %s (%s)",
                        overlay, generic.getKind(), name(generic), generic.getApiVersion());
            }
            HasMetadata typed = (HasMetadata) resource;
            List<String> unknown = unknownFields(typed);
            if (!unknown.isEmpty()) {
                fail(
                        "%s: %s %s has fields its model does not know: %s",
                        overlay, typed.getKind(), name(typed), unknown);
            }
            resources.add(typed);
        }
        return new K8sManifests(overlay, List.copyOf(resources));
    }

    /** Every resource of a type. */
    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The one resource of a type with that name; fails if absent. */
    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream()
                .filter(r -> r.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + type.getSimpleName() + " named " + name));
    }

    /** The Deployment of a CredStack module ({@code catalog-service}, {@code web-app}, ...). */
    Deployment deployment(String module) {
        return named(Deployment.class, module);
    }

    /**
     * The plain environment of a Deployment's first container: its {@code envFrom} ConfigMaps, then its own {@code
     * env} values (later wins, as in Kubernetes). Variables from Secrets are left out.
     */
    Map<String, String> environment(Deployment deployment) {
        Container container =
                deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap map = named(ConfigMap.class, source.getConfigMapRef().getName());
                environment.putAll(map.getData());
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValue() != null) {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        return environment;
    }

    private static String name(HasMetadata resource) {
        return resource.getMetadata() == null
                ? "(no metadata)"
                : resource.getMetadata().getName();
    }

    private static String kustomize(Path dir) {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
        } catch (IOException e) {
            throw new AssertionError(
                    "kubectl is needed to render k8s/ (kubectl kustomize) and was not found on PATH: install kubectl"
                            + " (it brings kustomize) and run again",
                    e);
        }
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(
                        "kubectl kustomize " + dir + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        }
    }

    /**
     * The paths of fields the typed model kept in an {@code additionalProperties} map: fabric8's and Strimzi's models
     * put what they do not know there instead of failing, so this walk is what makes reading strict.
     */
    static List<String> unknownFields(Object resource) {
        List<String> unknown = new ArrayList<>();
        walk(resource, "", unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, unknown, seen));
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", unknown, seen);
            }
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                walk(field, path + "." + property(getter), unknown, seen);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.");
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get")
                && !method.getName().equals("getClass")
                && !method.getReturnType().isPrimitive()
                && method.getDeclaringClass() != Object.class;
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
