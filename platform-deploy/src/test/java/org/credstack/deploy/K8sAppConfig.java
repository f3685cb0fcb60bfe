package org.credstack.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * What a CredStack module's own {@code src/main/resources/application.yml} says that the manifests must agree with:
 * its name (the consumer group), port, consumer bindings and health probe groups.
 *
 * @param module the module directory, e.g. {@code badge-service}
 * @param yaml the parsed file
 */
record K8sAppConfig(String module, Map<String, Object> yaml) {

    /** The modules that run as a Deployment: every service and the web app. */
    static final List<String> MODULES = List.of(
            "catalog-service",
            "enrollment-service",
            "badge-service",
            "notification-service",
            "identity-service",
            "web-app");

    /** A consumer binding ({@code <name>-in-<n>}) with its topic and its own concurrency, if it sets one. */
    record ConsumerBinding(String name, String destination, Optional<Integer> concurrency) {}

    static K8sAppConfig of(String module) {
        Path file = K8sManifests.ROOT.resolve(module).resolve("src/main/resources/application.yml");
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> yaml = new Yaml().load(in);
            return new K8sAppConfig(module, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code spring.application.name}: every consumer binding's group (platform-runtime's MessagingDefaults). */
    String applicationName() {
        return (String) at("spring", "application", "name").orElseThrow();
    }

    /** {@code server.port}. */
    int port() {
        return (Integer) at("server", "port").orElseThrow();
    }

    /** Whether {@code management.endpoint.health.probes.enabled} is set: the liveness and readiness groups exist. */
    boolean probesEnabled() {
        return Boolean.TRUE.equals(
                at("management", "endpoint", "health", "probes", "enabled").orElse(null));
    }

    /** A value at a path of nested keys. */
    Optional<Object> at(String... path) {
        Object node = yaml;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            node = map.get(key);
        }
        return Optional.ofNullable(node);
    }

    /** The consumer bindings (Spring Cloud Stream, {@code spring.cloud.stream.bindings.*-in-*}). */
    List<ConsumerBinding> consumerBindings() {
        Map<?, ?> bindings =
                (Map<?, ?>) at("spring", "cloud", "stream", "bindings").orElse(Map.of());
        Map<String, ConsumerBinding> consumers = new LinkedHashMap<>();
        bindings.forEach((name, value) -> {
            if (name.toString().matches(".+-in-\\d+") && value instanceof Map<?, ?> binding) {
                Object destination = binding.get("destination");
                Object consumer = binding.get("consumer");
                Optional<Integer> concurrency = consumer instanceof Map<?, ?> c && c.get("concurrency") != null
                        ? Optional.of(Integer.valueOf(c.get("concurrency").toString()))
                        : Optional.empty();
                consumers.put(
                        name.toString(),
                        new ConsumerBinding(
                                name.toString(),
                                destination == null ? name.toString() : destination.toString(),
                                concurrency));
            }
        });
        return List.copyOf(consumers.values());
    }
}
