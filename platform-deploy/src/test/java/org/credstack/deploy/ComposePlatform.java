package org.credstack.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the build makes and what each image reads, from the sources of the repository: the modules of the root POM
 * that are images (platform-bom's {@code jib-maven-plugin}, declared by the module with {@code jib.skip} false), the
 * image name and exposed port Jib gives them, and each one's {@code application.yml} and the environment variables
 * its code (and platform-runtime's, when it uses it) names.
 */
final class ComposePlatform {

    static final String JIB_ARTIFACT = "jib-maven-plugin";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern ENVIRONMENT_LITERAL =
            Pattern.compile("(?:getenv\\(\\s*\"([A-Z][A-Z0-9_]*)\"\\s*\\))|(?:\"(CREDSTACK_[A-Z0-9_]+)\")");

    /**
     * One image the build makes.
     *
     * @param module the Maven module (and artifact id), e.g. {@code badge-service}
     * @param image the full image reference, {@code credstack/badge-service:0.1.0-SNAPSHOT}
     * @param exposedPort the port Jib declares ({@code credstack.image.port})
     * @param settings the module's {@code application.yml}, flattened to dotted keys
     * @param environmentRead environment variables the code names itself
     * @param checksTokens whether it is a resource server of platform-runtime's security kit (needs the provider's
     *     keys)
     */
    record Image(
            String module,
            String image,
            int exposedPort,
            Map<String, String> settings,
            Set<String> environmentRead,
            boolean checksTokens) {

        /** {@code server.port} of its application.yml (8080, Spring Boot's default, when absent). */
        int serverPort() {
            return Integer.parseInt(settings.getOrDefault("server.port", "8080"));
        }
    }

    /**
     * platform-bom's Jib configuration, the one every image is built with.
     *
     * @param baseImage {@code from/image}, with properties resolved
     * @param user {@code container/user}, {@code uid[:gid]}
     * @param boundToLifecycle whether an execution binds a Jib goal to a phase, in platform-bom or any module
     */
    record Jib(String baseImage, String user, boolean boundToLifecycle) {}

    private ComposePlatform() {}

    /** How platform-bom configures Jib, and whether any module binds it to the lifecycle. */
    static Jib jib(Path root) {
        Document bom = xml(root.resolve("platform-bom/pom.xml"));
        Element jib = plugin(child(child(child(bom.getDocumentElement(), "build"), "pluginManagement"), "plugins"));
        Element configuration = child(jib, "configuration");
        boolean bound = child(jib, "executions") != null;
        for (String module : texts(child(xml(root.resolve("pom.xml")).getDocumentElement(), "modules"), "module")) {
            Element build = child(xml(root.resolve(module).resolve("pom.xml")).getDocumentElement(), "build");
            Element declared = build == null ? null : plugin(child(build, "plugins"));
            bound |= declared != null && child(declared, "executions") != null;
        }
        return new Jib(
                resolve(text(child(child(configuration, "from"), "image")), properties(bom)),
                text(child(child(configuration, "container"), "user")),
                bound);
    }

    /** The repository root: the nearest directory up from the working directory with the Maven wrapper. */
    static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }

    /** Every image the build makes, in the root POM's module order. */
    static List<Image> images(Path root) {
        Document bom = xml(root.resolve("platform-bom/pom.xml"));
        Element jib = plugin(child(child(child(bom.getDocumentElement(), "build"), "pluginManagement"), "plugins"));
        String imageTemplate = text(child(child(child(jib, "configuration"), "to"), "image"));
        Map<String, String> bomProperties = properties(bom);
        List<Image> images = new ArrayList<>();
        for (String module : texts(child(xml(root.resolve("pom.xml")).getDocumentElement(), "modules"), "module")) {
            Path pom = root.resolve(module).resolve("pom.xml");
            Document document = xml(pom);
            Map<String, String> properties = new LinkedHashMap<>(bomProperties);
            properties.putAll(properties(document));
            Element build = child(document.getDocumentElement(), "build");
            boolean declaresJib = build != null && plugin(child(build, "plugins")) != null;
            if (!declaresJib || !"false".equals(properties.get("jib.skip"))) {
                continue;
            }
            Element project = document.getDocumentElement();
            properties.put("project.artifactId", text(child(project, "artifactId")));
            properties.put(
                    "project.version",
                    child(project, "version") != null
                            ? text(child(project, "version"))
                            : text(child(child(project, "parent"), "version")));
            Path moduleDir = root.resolve(module);
            Map<String, String> settings = settings(moduleDir.resolve("src/main/resources/application.yml"));
            boolean usesRuntime = dependsOn(document, "platform-runtime");
            images.add(new Image(
                    module,
                    resolve(imageTemplate, properties),
                    Integer.parseInt(resolve("${credstack.image.port}", properties)),
                    settings,
                    environmentRead(moduleDir, usesRuntime ? root.resolve("platform-runtime") : null, settings),
                    usesRuntime
                            && dependsOn(document, "spring-boot-starter-security-oauth2-resource-server")
                            && !settings.getOrDefault("spring.autoconfigure.exclude", "")
                                    .contains("CredStackSecurityAutoConfiguration")));
        }
        return images;
    }

    /** A YAML file as dotted keys ({@code spring.mongodb.uri}) and string values; lists as {@code key[0]}. */
    static Map<String, String> settings(Path yaml) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(yaml));
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", loaded, flat);
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yaml, e);
        }
    }

    /**
     * The environment variable Spring Boot binds to a property (relaxed binding): upper case, dots to underscores,
     * dashes dropped; {@code spring.kafka.bootstrap-servers} → {@code SPRING_KAFKA_BOOTSTRAPSERVERS}.
     */
    static String environmentName(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static Set<String> environmentRead(Path module, Path runtime, Map<String, String> settings) {
        Set<String> names = new LinkedHashSet<>();
        settings.values().forEach(value -> {
            Matcher placeholder = PROPERTY.matcher(value);
            while (placeholder.find()) {
                String name = placeholder.group(1).split(":", 2)[0];
                if (name.matches("[A-Z][A-Z0-9_]*")) {
                    names.add(name);
                }
            }
        });
        names.addAll(namedInCode(module.resolve("src/main/java")));
        if (runtime != null) {
            names.addAll(namedInCode(runtime.resolve("src/main/java")));
        }
        return names;
    }

    private static Set<String> namedInCode(Path sources) {
        Set<String> names = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = ENVIRONMENT_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    names.add(literal.group(1) != null ? literal.group(1) : literal.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sources, e);
        }
        return names;
    }

    private static void flatten(String prefix, Object value, Map<String, String> flat) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, each) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, each, flat));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else if (value != null) {
            flat.put(prefix, value.toString());
        }
    }

    private static String resolve(String template, Map<String, String> properties) {
        String resolved = template;
        for (int round = 0; round < 5 && resolved.contains("${"); round++) {
            Matcher property = PROPERTY.matcher(resolved);
            StringBuilder next = new StringBuilder();
            while (property.find()) {
                String value = properties.get(property.group(1));
                if (value == null) {
                    throw new IllegalStateException("no property " + property.group(1) + " for " + template);
                }
                property.appendReplacement(next, Matcher.quoteReplacement(value));
            }
            property.appendTail(next);
            resolved = next.toString();
        }
        return resolved;
    }

    private static boolean dependsOn(Document pom, String artifactId) {
        return children(child(pom.getDocumentElement(), "dependencies"), "dependency").stream()
                .anyMatch(dependency -> artifactId.equals(text(child(dependency, "artifactId"))));
    }

    private static Element plugin(Element plugins) {
        return children(plugins, "plugin").stream()
                .filter(plugin -> JIB_ARTIFACT.equals(text(child(plugin, "artifactId"))))
                .findFirst()
                .orElse(null);
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new LinkedHashMap<>();
        Element declared = child(pom.getDocumentElement(), "properties");
        if (declared != null) {
            for (Element property : children(declared, null)) {
                properties.put(property.getTagName(), property.getTextContent().strip());
            }
        }
        return properties;
    }

    private static Document xml(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element
                    && (name == null || element.getTagName().equals(name))) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(ComposePlatform::text).toList();
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }
}
