package org.credstack.web.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A service's health as its actuator reports it to an operator.
 *
 * @param service the service
 * @param status {@code UP}, {@code DOWN}, {@code OUT_OF_SERVICE}, ..., or {@code UNAVAILABLE} when it did not answer
 * @param components each component ({@code mongo}, {@code kafka}, {@code diskSpace}, nested ones as {@code a/b})
 */
public record ServiceHealth(String service, String status, List<Component> components) {

    /** The status shown for a service that did not answer. */
    public static final String UNAVAILABLE = "UNAVAILABLE";

    /**
     * One health component.
     *
     * @param name its name, {@code parent/child} when nested
     * @param status its status
     * @param details its simple details as {@code key: value}, in the order given
     */
    public record Component(String name, String status, List<String> details) {}

    static ServiceHealth of(String service, JsonNode health) {
        List<Component> components = new ArrayList<>();
        collect("", health.path("components"), components);
        return new ServiceHealth(service, health.path("status").asString("UNKNOWN"), components);
    }

    static ServiceHealth unavailable(String service) {
        return new ServiceHealth(service, UNAVAILABLE, List.of());
    }

    /** Whether the service is up. */
    public boolean up() {
        return "UP".equals(status);
    }

    private static void collect(String prefix, JsonNode components, List<Component> into) {
        for (Map.Entry<String, JsonNode> entry : components.properties()) {
            String name = prefix + entry.getKey();
            JsonNode component = entry.getValue();
            List<String> details = new ArrayList<>();
            for (Map.Entry<String, JsonNode> detail : component.path("details").properties()) {
                if (detail.getValue().isValueNode()) {
                    details.add(detail.getKey() + ": " + detail.getValue().asString());
                }
            }
            into.add(new Component(name, component.path("status").asString("UNKNOWN"), details));
            collect(name + "/", component.path("components"), into);
        }
    }
}
