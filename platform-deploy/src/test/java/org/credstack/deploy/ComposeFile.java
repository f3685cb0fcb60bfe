package org.credstack.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A Compose file as the Compose tools read it: YAML with anchors and merge keys ({@code <<}) resolved, every service
 * in its own copy of the tree, so a test may change one service without touching another that shared an anchor.
 */
final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}$");

    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    /** Reads the file; anchors and merge keys are resolved by SnakeYAML as the Compose tools do. */
    static ComposeFile read(Path path) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(path));
            return new ComposeFile(asMap(deepCopy(loaded)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** A copy that may be changed freely (the negative tests break it). */
    ComposeFile copy() {
        return new ComposeFile(asMap(deepCopy(root)));
    }

    /** The whole tree, for the schema and for changes. */
    Map<String, Object> root() {
        return root;
    }

    Set<String> serviceNames() {
        return services().keySet();
    }

    Map<String, Object> service(String name) {
        Object service = services().get(name);
        return service == null ? Map.of() : asMap(service);
    }

    String image(String service) {
        Object image = service(service).get("image");
        return image == null ? null : image.toString();
    }

    /**
     * The service's environment, map or {@code KEY=value} list form. A value that is only {@code ${VAR}} without a
     * default counts as absent: it depends on the shell that runs {@code docker compose}.
     */
    Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service(service).get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((key, value) -> environment.put(key.toString(), value == null ? null : value.toString()));
        } else if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = entry.toString().split("=", 2);
                environment.put(pair[0], pair.length == 2 ? pair[1] : null);
            }
        }
        environment.replaceAll((key, value) -> isSet(value) ? value : null);
        environment.values().removeIf(value -> value == null);
        return environment;
    }

    /** The container side of each {@code ports} entry ({@code "8081:8081"}, {@code "127.0.0.1:1:2/tcp"}, long syntax). */
    List<Integer> containerPorts(String service) {
        List<Integer> ports = new ArrayList<>();
        Object declared = service(service).get("ports");
        if (declared instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> longSyntax && longSyntax.get("target") != null) {
                    ports.add(Integer.parseInt(longSyntax.get("target").toString()));
                } else if (entry != null) {
                    String shortSyntax = entry.toString().replaceFirst("/.*$", "");
                    ports.add(Integer.parseInt(shortSyntax.substring(shortSyntax.lastIndexOf(':') + 1)));
                }
            }
        }
        return ports;
    }

    /** The health check's command as one string, or null when there is none or it is disabled. */
    String healthcheck(String service) {
        Object healthcheck = service(service).get("healthcheck");
        if (!(healthcheck instanceof Map<?, ?> check) || Boolean.TRUE.equals(check.get("disable"))) {
            return null;
        }
        Object test = check.get("test");
        if (test instanceof List<?> command) {
            return command.isEmpty() || "NONE".equals(command.getFirst()) ? null : String.join(" ", strings(command));
        }
        return test == null ? null : test.toString();
    }

    /** The services this one waits for and the condition of each (the list form waits only for the start). */
    Map<String, String> dependsOn(String service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Object declared = service(service).get("depends_on");
        if (declared instanceof List<?> names) {
            names.forEach(name -> conditions.put(name.toString(), "service_started"));
        } else if (declared instanceof Map<?, ?> map) {
            map.forEach((name, options) -> conditions.put(
                    name.toString(),
                    options instanceof Map<?, ?> o && o.get("condition") != null
                            ? o.get("condition").toString()
                            : "service_started"));
        }
        return conditions;
    }

    /** Whether a Compose value is set once interpolated: not empty, not a bare {@code ${VAR}} without default. */
    static boolean isSet(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        Matcher variable = VARIABLE.matcher(value.strip());
        if (!variable.matches()) {
            return true;
        }
        String operator = variable.group(2);
        return operator != null && operator.endsWith("-") && !variable.group(3).isBlank();
    }

    private Map<String, Object> services() {
        Object services = root.get("services");
        return services == null ? Map.of() : asMap(services);
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a YAML mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, each) -> copy.put(String.valueOf(key), deepCopy(each)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(each -> copy.add(deepCopy(each)));
            return copy;
        }
        return value;
    }
}
