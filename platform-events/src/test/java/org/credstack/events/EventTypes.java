package org.credstack.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The v1 event records and every record type they contain, found by reflection. */
final class EventTypes {

    private EventTypes() {}

    /** Every event record of every topic, in topic then declaration order. */
    static Stream<Class<?>> eventRecords() {
        return Arrays.stream(Topic.values()).flatMap(topic -> topic.eventRecords().stream());
    }

    /** The event records plus every record type reachable through their components (and list elements). */
    static Set<Class<?>> allRecordTypes() {
        Set<Class<?>> found = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(eventRecords().toList());
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!type.isRecord() || !found.add(type)) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                todo.push(rawType(elementOrSelf(component.getGenericType())));
            }
        }
        return found;
    }

    /** For {@code List<X>} the element type {@code X}, otherwise the type itself. */
    static Type elementOrSelf(Type type) {
        if (type instanceof ParameterizedType p && rawType(p) == List.class) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }

    /** The class of a possibly parameterised type. */
    static Class<?> rawType(Type type) {
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return (Class<?>) type;
    }
}
