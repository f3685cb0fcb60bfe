package org.credstack.web.operator;

import java.util.List;
import java.util.Optional;

/**
 * The services of the operator's pipeline page, in the order it lists them.
 *
 * @param all each service once
 */
public record OperatedServices(List<OperatedService> all) {

    public OperatedServices {
        all = List.copyOf(all);
    }

    /** The service named {@code name} ({@code badge-service}), if the page knows it. */
    public Optional<OperatedService> named(String name) {
        return all.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    /** The names of all services, in order. */
    public List<String> names() {
        return all.stream().map(OperatedService::name).toList();
    }
}
