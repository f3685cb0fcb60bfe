package org.credstack.events;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/**
 * Compares an AsyncAPI 3.0 document (YAML parsed to maps and lists) with the v1 {@link Topic}s and
 * their records. Each disagreement is one line, {@code <where>: <what>}; no lines means they agree.
 *
 * <p>Java to JSON Schema: {@code String} is {@code string}, {@code Instant} is {@code string} with
 * {@code format: date-time}, {@code int}/{@code Integer}/{@code long} is {@code integer},
 * {@code double}/{@code Double}/{@code BigDecimal} is {@code number}, {@code boolean}/{@code Boolean}
 * is {@code boolean}, {@code List} is {@code array}, an enum is {@code string} with the constants as
 * {@code enum}, a record is a {@code $ref} to the schema named after it. A field in {@code required}
 * must not allow {@code null}; any other field must, because Jackson writes an absent value as
 * {@code null}. Primitives and lists (never {@code null} in the records) must be required.
 */
final class AsyncApiContract {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final List<String> CLOUDEVENTS_HEADERS = List.of(
            EventEnvelope.SPECVERSION,
            EventEnvelope.ID,
            EventEnvelope.SOURCE,
            EventEnvelope.TYPE,
            EventEnvelope.TIME,
            EventEnvelope.SUBJECT,
            EventEnvelope.CONTENT_TYPE);

    private final Map<String, Object> document;
    private final List<String> violations = new ArrayList<>();
    private final Set<String> checkedSchemas = new HashSet<>();

    private AsyncApiContract(Map<String, Object> document) {
        this.document = document;
    }

    /** Parses YAML text into the map {@link #violations(Map)} takes. */
    static Map<String, Object> parse(String yaml) {
        return new Yaml().load(yaml);
    }

    /** Everything in the document that disagrees with the topics and records. */
    static List<String> violations(Map<String, Object> document) {
        AsyncApiContract contract = new AsyncApiContract(document);
        if (!"3.0.0".equals(document.get("asyncapi"))) {
            contract.violations.add("asyncapi: expected 3.0.0, was " + document.get("asyncapi"));
        }
        for (Topic topic : Topic.values()) {
            contract.checkTopic(topic);
        }
        contract.checkEverythingIsReferenced();
        return contract.violations;
    }

    /** How the schema named after {@code record} disagrees with it (and the schemas it refers to). */
    static List<String> schemaViolations(Map<String, Object> document, Class<?> record) {
        AsyncApiContract contract = new AsyncApiContract(document);
        contract.checkRecordSchema(record.getSimpleName(), record);
        return contract.violations;
    }

    private void checkTopic(Topic topic) {
        Map<String, Object> channels = map(document.get("channels"));
        List<String> keys = channels.entrySet().stream()
                .filter(e -> topic.topicName().equals(map(e.getValue()).get("address")))
                .map(Map.Entry::getKey)
                .toList();
        if (keys.size() != 1) {
            violations.add(topic.topicName() + ": expected one channel with this address, found " + keys);
            return;
        }
        String key = keys.getFirst();
        Map<String, Object> channel = map(channels.get(key));
        String where = "channels." + key;

        Object policy = path(channel, "bindings", "kafka", "topicConfiguration", "cleanup.policy");
        List<String> expectedPolicy = List.of(topic.compacted() ? "compact" : "delete");
        if (!expectedPolicy.equals(policy)) {
            violations.add(where + ": cleanup.policy is " + policy + ", expected " + expectedPolicy);
        }

        Map<String, Object> messages = map(channel.get("messages"));
        Set<String> expectedNames = new TreeSet<>(
                topic.eventRecords().stream().map(Class::getSimpleName).toList());
        if (!expectedNames.equals(new TreeSet<>(messages.keySet()))) {
            violations.add(where + ": messages are " + new TreeSet<>(messages.keySet()) + ", expected the records "
                    + expectedNames);
        }
        for (Class<?> record : topic.eventRecords()) {
            if (messages.containsKey(record.getSimpleName())) {
                checkMessage(
                        where + ".messages." + record.getSimpleName(),
                        topic,
                        record,
                        map(resolve(messages.get(record.getSimpleName()))));
            }
        }
        checkSendOperation(key, messages.keySet(), expectedNames);
    }

    private void checkSendOperation(String channelKey, Set<String> channelMessages, Set<String> expectedNames) {
        String channelRef = "#/channels/" + channelKey;
        List<Map<String, Object>> sends = map(document.get("operations")).values().stream()
                .map(AsyncApiContract::map)
                .filter(op -> "send".equals(op.get("action")))
                .filter(op -> channelRef.equals(map(op.get("channel")).get("$ref")))
                .toList();
        if (sends.size() != 1) {
            violations.add(channelRef + ": expected one send operation, found " + sends.size());
            return;
        }
        Set<String> sent = new TreeSet<>();
        for (Object message : list(sends.getFirst().get("messages"))) {
            String ref = String.valueOf(map(message).get("$ref"));
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (!ref.equals(channelRef + "/messages/" + name) || !channelMessages.contains(name)) {
                violations.add(channelRef + ": send operation refers to " + ref + ", not a message of the channel");
            }
            sent.add(name);
        }
        if (!sent.equals(expectedNames)) {
            violations.add(channelRef + ": send operation sends " + sent + ", expected " + expectedNames);
        }
    }

    private void checkMessage(String where, Topic topic, Class<?> record, Map<String, Object> message) {
        if (!record.getSimpleName().equals(message.get("name"))) {
            violations.add(where + ": name is " + message.get("name") + ", expected " + record.getSimpleName());
        }
        checkHeaders(where + ".headers", topic, record, message.get("headers"));
        if (!"string".equals(path(map(resolve(message.get("bindings"))), "kafka", "key", "type"))) {
            violations.add(where + ": bindings.kafka.key must be a string schema");
        }
        Object payloadRef = map(message.get("payload")).get("$ref");
        if (!(SCHEMAS + record.getSimpleName()).equals(payloadRef)) {
            violations.add(where + ": payload is " + payloadRef + ", expected " + SCHEMAS + record.getSimpleName());
            return;
        }
        checkRecordSchema(record.getSimpleName(), record);
    }

    private void checkHeaders(String where, Topic topic, Class<?> record, Object headersSchema) {
        Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        collectAllOf(headersSchema, properties, required);
        for (String header : CLOUDEVENTS_HEADERS) {
            if (!properties.containsKey(header)) {
                violations.add(where + ": no property " + header);
            }
            if (!required.contains(header)) {
                violations.add(where + ": " + header + " is not required");
            }
        }
        expectHeader(where, properties, EventEnvelope.SPECVERSION, "const", "1.0");
        expectHeader(where, properties, EventEnvelope.ID, "format", "uuid");
        expectHeader(where, properties, EventEnvelope.SOURCE, "const", topic.source());
        expectHeader(where, properties, EventEnvelope.TYPE, "const", topic.typeOf(record));
        expectHeader(where, properties, EventEnvelope.TIME, "format", "date-time");
        expectHeader(where, properties, EventEnvelope.CONTENT_TYPE, "const", "application/json");
    }

    private void expectHeader(
            String where, Map<String, Map<String, Object>> properties, String header, String keyword, String value) {
        Object actual = properties.getOrDefault(header, Map.of()).get(keyword);
        if (!value.equals(actual)) {
            violations.add(where + "." + header + ": " + keyword + " is " + actual + ", expected " + value);
        }
    }

    /** Merges {@code properties} and {@code required} of a schema and of its {@code allOf} parts. */
    private void collectAllOf(Object schemaNode, Map<String, Map<String, Object>> properties, Set<String> required) {
        Map<String, Object> schema = map(resolve(schemaNode));
        for (Object part : list(schema.get("allOf"))) {
            collectAllOf(part, properties, required);
        }
        map(schema.get("properties"))
                .forEach((name, property) -> properties
                        .computeIfAbsent(name, n -> new LinkedHashMap<>())
                        .putAll(map(property)));
        list(schema.get("required")).forEach(name -> required.add(String.valueOf(name)));
    }

    private void checkRecordSchema(String schemaName, Class<?> record) {
        if (!checkedSchemas.add(schemaName)) {
            return;
        }
        Object node = map(path(document, "components", "schemas")).get(schemaName);
        if (node == null) {
            violations.add(SCHEMAS + schemaName + ": missing (schema of " + record.getName() + ")");
            return;
        }
        Map<String, Object> schema = map(node);
        if (!"object".equals(schema.get("type"))) {
            violations.add(schemaName + ": type is " + schema.get("type") + ", expected object");
        }
        Map<String, Object> properties = map(schema.get("properties"));
        Set<String> required = new HashSet<>();
        list(schema.get("required")).forEach(name -> required.add(String.valueOf(name)));
        Set<String> components = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String where = schemaName + "." + component.getName();
            components.add(component.getName());
            if (!properties.containsKey(component.getName())) {
                violations.add(where + ": record component has no property in the schema");
                continue;
            }
            checkProperty(where, component, map(properties.get(component.getName())), required);
        }
        for (String name : properties.keySet()) {
            if (!components.contains(name)) {
                violations.add(schemaName + "." + name + ": property is not a component of " + record.getName());
            }
        }
        for (String name : required) {
            if (!properties.containsKey(name)) {
                violations.add(schemaName + ": required names " + name + ", which is not a property");
            }
        }
    }

    private void checkProperty(
            String where, RecordComponent component, Map<String, Object> property, Set<String> required) {
        Shape shape = Shape.of(property);
        if (shape == null) {
            violations.add(where + ": expected a type, a $ref, or one of them or null");
            return;
        }
        boolean isRequired = required.contains(component.getName());
        Class<?> raw = EventTypes.rawType(component.getGenericType());
        if ((raw.isPrimitive() || raw == List.class) && !isRequired) {
            violations.add(where + ": a " + raw.getSimpleName() + " is always present and must be required");
        }
        if (isRequired && shape.nullable()) {
            violations.add(where + ": required but allows null");
        }
        if (!isRequired && !shape.nullable()) {
            violations.add(where + ": optional, so it must allow null (an absent value is written as null)");
        }
        checkType(where, component.getGenericType(), shape.schema());
    }

    private void checkType(String where, Type javaType, Map<String, Object> schema) {
        Class<?> raw = EventTypes.rawType(javaType);
        Object type = schema.get("type");
        Object ref = schema.get("$ref");
        if (raw == String.class) {
            expectType(where, "string", type);
            if ("date-time".equals(schema.get("format"))) {
                violations.add(where + ": a String must not have format date-time (use Instant)");
            }
        } else if (raw == Instant.class) {
            expectType(where, "string", type);
            if (!"date-time".equals(schema.get("format"))) {
                violations.add(where + ": an Instant needs format date-time, was " + schema.get("format"));
            }
        } else if (Set.of(int.class, Integer.class, long.class, Long.class).contains(raw)) {
            expectType(where, "integer", type);
        } else if (Set.of(double.class, Double.class, BigDecimal.class).contains(raw)) {
            expectType(where, "number", type);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expectType(where, "boolean", type);
        } else if (raw == List.class) {
            expectType(where, "array", type);
            Object items = schema.get("items");
            if (items == null) {
                violations.add(where + ": array without items");
            } else {
                checkType(where + "[]", EventTypes.elementOrSelf(javaType), map(items));
            }
        } else if (raw.isEnum()) {
            checkEnum(where, raw, schema);
        } else if (raw.isRecord()) {
            if (!(SCHEMAS + raw.getSimpleName()).equals(ref)) {
                violations.add(where + ": a " + raw.getSimpleName() + " must be $ref " + SCHEMAS + raw.getSimpleName()
                        + ", was " + (ref != null ? ref : "type " + type));
                return;
            }
            checkRecordSchema(raw.getSimpleName(), raw);
        } else {
            violations.add(where + ": no JSON Schema mapping for Java type " + javaType.getTypeName());
        }
    }

    private void checkEnum(String where, Class<?> enumType, Map<String, Object> schema) {
        Map<String, Object> resolved = schema;
        if (schema.containsKey("$ref")) {
            if (!(SCHEMAS + enumType.getSimpleName()).equals(schema.get("$ref"))) {
                violations.add(where + ": an enum $ref must name " + SCHEMAS + enumType.getSimpleName());
            }
            resolved = map(resolve(schema));
        }
        expectType(where, "string", resolved.get("type"));
        List<String> constants = Arrays.stream(enumType.getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .toList();
        if (!constants.equals(resolved.get("enum"))) {
            violations.add(where + ": enum is " + resolved.get("enum") + ", expected the constants of "
                    + enumType.getSimpleName() + " " + constants);
        }
    }

    private void expectType(String where, String expected, Object actual) {
        if (!expected.equals(actual)) {
            violations.add(where + ": type is " + actual + ", expected " + expected);
        }
    }

    /** Every component schema and message is reachable from the channels and operations. */
    private void checkEverythingIsReferenced() {
        Set<String> refs = new HashSet<>();
        collectRefs(document.get("channels"), refs);
        collectRefs(document.get("operations"), refs);
        Map<String, Object> schemas = map(path(document, "components", "schemas"));
        Map<String, Object> messages = map(path(document, "components", "messages"));
        Deque<String> todo = new ArrayDeque<>(refs);
        Set<String> reached = new HashSet<>();
        while (!todo.isEmpty()) {
            String ref = todo.pop();
            if (!reached.add(ref)) {
                continue;
            }
            Set<String> more = new HashSet<>();
            collectRefs(resolve(Map.of("$ref", ref)), more);
            todo.addAll(more);
        }
        schemas.keySet().stream()
                .filter(name -> !reached.contains(SCHEMAS + name))
                .forEach(name -> violations.add(SCHEMAS + name + ": not referenced by any message"));
        messages.keySet().stream()
                .filter(name -> !reached.contains("#/components/messages/" + name))
                .forEach(name -> violations.add("#/components/messages/" + name + ": not referenced by any channel"));
    }

    private static void collectRefs(Object node, Set<String> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add(String.valueOf(value));
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof Collection<?> c) {
            c.forEach(child -> collectRefs(child, refs));
        }
    }

    /** Follows a local {@code $ref} ({@code #/a/b}); a node without one is returned as it is. */
    private Object resolve(Object node) {
        if (!(node instanceof Map<?, ?> m) || !(m.get("$ref") instanceof String ref)) {
            return node;
        }
        Object target = document;
        for (String segment : ref.substring(2).split("/")) {
            target = map(target).get(segment.replace("~1", "/").replace("~0", "~"));
        }
        if (target == null) {
            violations.add(ref + ": $ref points nowhere");
            return Map.of();
        }
        return resolve(target);
    }

    private static Object path(Map<String, Object> node, String... names) {
        Object current = node;
        for (String name : names) {
            current = map(current).get(name);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object node) {
        return node instanceof List<?> l ? l : List.of();
    }

    /**
     * A property schema without its nullability: {@code type: [T, 'null']} or
     * {@code oneOf/anyOf: [S, {type: 'null'}]} is {@code T}/{@code S} and nullable.
     */
    private record Shape(Map<String, Object> schema, boolean nullable) {

        static Shape of(Map<String, Object> property) {
            if (property.get("type") instanceof List<?> types) {
                List<?> others = types.stream().filter(t -> !"null".equals(t)).toList();
                if (others.size() != 1) {
                    return null;
                }
                Map<String, Object> schema = new LinkedHashMap<>(property);
                schema.put("type", others.getFirst());
                return new Shape(schema, types.contains("null"));
            }
            Object alternatives = property.containsKey("oneOf") ? property.get("oneOf") : property.get("anyOf");
            if (alternatives instanceof List<?> options) {
                List<?> others = options.stream()
                        .filter(o -> !"null".equals(map(o).get("type")))
                        .toList();
                return others.size() == 1 && options.size() == 2 ? new Shape(map(others.getFirst()), true) : null;
            }
            return property.containsKey("type") || property.containsKey("$ref") ? new Shape(property, false) : null;
        }
    }
}
