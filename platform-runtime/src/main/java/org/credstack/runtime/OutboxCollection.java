package org.credstack.runtime;

import java.util.Objects;

/**
 * A Mongo collection whose documents are aggregates carrying a {@code pendingEvents} array and a {@code version}
 * (the outbox of docs/architecture.md, "Nothing lost between state and event"). A service declares each of its
 * aggregate collections as a bean of this type, next to the aggregate, so the {@link OutboxRelay} sweeps them and
 * {@link AggregateShapeGuard} keeps their documents from losing their events.
 *
 * @param name the collection name, e.g. {@code enrollments}
 */
public record OutboxCollection(String name) {

    /** @throws NullPointerException if the name is null; IllegalArgumentException if it is blank */
    public OutboxCollection {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an outbox collection needs a name");
        }
    }
}
