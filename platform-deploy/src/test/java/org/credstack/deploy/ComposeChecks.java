package org.credstack.deploy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks of docker-compose.yml: the schema, and what a schema cannot check, each check answering the problems it finds (empty
 * when none), so a test can show that a broken copy is caught:
 *
 * <ul>
 *   <li>{@link #schema}: the Compose Specification's JSON Schema ({@code compose-spec/}, see its SOURCES.md);
 *   <li>{@link #images}: every {@code credstack/*} image is one the build makes, and every image the build makes runs;
 *   <li>{@link #ports}: each platform container publishes and probes the port its service listens on, the port Jib
 *       exposes is that one, and every URL naming the service in another container's settings uses it;
 *   <li>{@link #settings}: every placeholder without default in the service's application.yml, every setting that
 *       names {@code localhost} (inside a container that is the container itself), every environment variable its
 *       code reads, and the identity provider's keys for a resource server, are set in its environment;
 *   <li>{@link #dependencies}: every {@code depends_on} names a service that has a health check and waits for it to
 *       be healthy.
 * </ul>
 */
final class ComposeChecks {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
    private static final Pattern SERVICE_URL = Pattern.compile("^https?://([a-z0-9-]+):(\\d+)(/.*)?$");
    private static final List<String> TOKEN_KEY_SETTINGS = List.of(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.public-key-location");

    private static final Schema COMPOSE_SPEC = composeSpec();

    private ComposeChecks() {}

    /** Where the file breaks the Compose Specification's JSON Schema (draft-07), as {@code location: message}. */
    static List<String> schema(ComposeFile compose) {
        JsonNode tree = JsonMapper.builder().build().valueToTree(compose.root());
        return COMPOSE_SPEC.validate(tree).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    /** Images under {@code credstack/} that the build does not make, and images the build makes that nothing runs. */
    static List<String> images(ComposeFile compose, List<ComposePlatform.Image> built) {
        Set<String> builtImages =
                built.stream().map(ComposePlatform.Image::image).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            String image = compose.image(service);
            if (image != null && image.startsWith("credstack/") && !builtImages.contains(image)) {
                problems.add(service + ": image " + image + " is not one the build makes " + builtImages);
            }
        }
        for (ComposePlatform.Image image : built) {
            if (containerOf(compose, image).isEmpty()) {
                problems.add(image.module() + ": no service runs " + image.image());
            }
        }
        return problems;
    }

    /** Ports published, probed, exposed and named in URLs that are not the ones the services listen on. */
    static List<String> ports(ComposeFile compose, List<ComposePlatform.Image> built) {
        List<String> problems = new ArrayList<>();
        for (ComposePlatform.Image image : built) {
            Optional<String> container = containerOf(compose, image);
            if (container.isEmpty()) {
                continue;
            }
            String service = container.get();
            int port = listensOn(compose, service, image);
            if (image.exposedPort() != port) {
                problems.add(
                        image.module() + ": the image exposes " + image.exposedPort() + " but it listens on " + port);
            }
            if (!compose.containerPorts(service).contains(port)) {
                problems.add(service + ": listens on " + port + " but publishes " + compose.containerPorts(service));
            }
            String healthcheck = compose.healthcheck(service);
            if (healthcheck != null && !healthcheck.matches("(?s).*[/:]" + port + "\\b.*")) {
                problems.add(service + ": listens on " + port + " but its health check asks " + healthcheck);
            }
            for (String other : compose.serviceNames()) {
                compose.environment(other).forEach((name, value) -> {
                    Matcher url = SERVICE_URL.matcher(value);
                    if (url.matches() && url.group(1).equals(service) && Integer.parseInt(url.group(2)) != port) {
                        problems.add(other + ": " + name + "=" + value + " but " + service + " listens on " + port);
                    }
                });
            }
        }
        return problems;
    }

    /** Scrape targets ({@code host:port}) that name a platform service on a port it does not listen on. */
    static List<String> scrapeTargets(List<String> targets, ComposeFile compose, List<ComposePlatform.Image> built) {
        List<String> problems = new ArrayList<>();
        for (ComposePlatform.Image image : built) {
            containerOf(compose, image).ifPresent(service -> {
                String expected = service + ":" + listensOn(compose, service, image);
                if (!targets.contains(expected)) {
                    problems.add("prometheus.yml does not scrape " + expected + " (targets " + targets + ")");
                }
            });
        }
        return problems;
    }

    /** Settings each platform service reads that its environment in compose does not set. */
    static List<String> settings(ComposeFile compose, List<ComposePlatform.Image> built) {
        List<String> problems = new ArrayList<>();
        for (ComposePlatform.Image image : built) {
            Optional<String> container = containerOf(compose, image);
            if (container.isEmpty()) {
                continue;
            }
            String service = container.get();
            Set<String> environment = compose.environment(service).keySet();
            image.settings().forEach((key, value) -> {
                Matcher placeholder = PLACEHOLDER.matcher(value);
                while (placeholder.find()) {
                    String property = placeholder.group(1);
                    boolean hasDefault = placeholder.group(2) != null;
                    if (!hasDefault
                            && !image.settings().containsKey(property)
                            && !environment.contains(ComposePlatform.environmentName(property))) {
                        problems.add(service + ": application.yml reads ${" + property + "} (" + key
                                + ") without a default, and " + ComposePlatform.environmentName(property)
                                + " is not set");
                    }
                }
                if (value.contains("localhost") || value.contains("127.0.0.1")) {
                    List<String> overrides = overridesOf(key, value);
                    if (overrides.stream().noneMatch(environment::contains)) {
                        problems.add(service + ": " + key + " is " + value + " (the container itself) and none of "
                                + overrides + " is set");
                    }
                }
            });
            for (String variable : image.environmentRead()) {
                if (!environment.contains(variable)) {
                    problems.add(service + ": its code reads " + variable + ", which is not set");
                }
            }
            if (image.checksTokens()
                    && TOKEN_KEY_SETTINGS.stream()
                            .map(ComposePlatform::environmentName)
                            .noneMatch(environment::contains)) {
                problems.add(service + ": checks tokens but none of "
                        + TOKEN_KEY_SETTINGS.stream()
                                .map(ComposePlatform::environmentName)
                                .toList()
                        + " tells it the identity provider's keys");
            }
        }
        return problems;
    }

    /** {@code depends_on} entries naming a service that is missing, has no health check or is not waited on. */
    static List<String> dependencies(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            compose.dependsOn(service).forEach((dependency, condition) -> {
                if (!compose.serviceNames().contains(dependency)) {
                    problems.add(service + ": depends on " + dependency + ", which is not a service");
                } else if (compose.healthcheck(dependency) == null) {
                    problems.add(service + ": depends on " + dependency + ", which has no health check");
                }
                if (!"service_healthy".equals(condition)) {
                    problems.add(
                            service + ": waits for " + dependency + " with " + condition + ", not service_healthy");
                }
            });
        }
        return problems;
    }

    /** The compose service that runs this image (by its name, whatever the tag), if any. */
    static Optional<String> containerOf(ComposeFile compose, ComposePlatform.Image image) {
        String repository = image.image().replaceFirst(":[^:/]+$", "");
        return compose.serviceNames().stream()
                .filter(service -> {
                    String running = compose.image(service);
                    return running != null
                            && running.replaceFirst(":[^:/]+$", "").equals(repository);
                })
                .findFirst();
    }

    /** {@code SERVER_PORT} when compose sets it, otherwise application.yml's {@code server.port}. */
    static int listensOn(ComposeFile compose, String service, ComposePlatform.Image image) {
        Map<String, String> environment = compose.environment(service);
        String configured = environment.get("SERVER_PORT");
        return configured != null && configured.matches("\\d+") ? Integer.parseInt(configured) : image.serverPort();
    }

    private static Schema composeSpec() {
        try (InputStream spec = ComposeChecks.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            if (spec == null) {
                throw new IllegalStateException("compose-spec/compose-spec.json is not on the test class path");
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_7,
                    builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
            // the schema's $id is relative ("compose_spec.json"): give it a base to resolve against
            Schema schema = registry.getSchema(
                    SchemaLocation.of("https://compose-spec.credstack.test/compose-spec.json"), spec, InputFormat.JSON);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The environment variables that replace a setting: the setting's own, and, when its value is {@code
     * ${other:default}}, the one of the property it falls back on.
     */
    private static List<String> overridesOf(String key, String value) {
        List<String> overrides = new ArrayList<>();
        overrides.add(ComposePlatform.environmentName(key));
        Matcher placeholder = PLACEHOLDER.matcher(value);
        while (placeholder.find()) {
            overrides.add(ComposePlatform.environmentName(placeholder.group(1)));
        }
        return overrides;
    }
}
