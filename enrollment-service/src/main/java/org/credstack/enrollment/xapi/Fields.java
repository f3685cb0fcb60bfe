package org.credstack.enrollment.xapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.credstack.enrollment.xapi.StatementRejected.Problem;
import tools.jackson.databind.JsonNode;

/**
 * Typed reading of JSON properties that records a {@link Problem} for every wrong type instead of failing at the
 * first one, so a rejection can list all that is wrong. A reader returns {@code null} for an absent property and for
 * one it could not read (JSON {@code null} counts as absent here; it is reported once by {@link #rejectNulls}).
 */
final class Fields {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    int mark() {
        return problems.size();
    }

    boolean okSince(int mark) {
        return problems.size() == mark;
    }

    void add(String pointer, String message) {
        problems.add(new Problem(pointer, message));
    }

    /** Builds a value object, recording its complaint under {@code pointer} instead of throwing. */
    <T> T attempt(String pointer, Supplier<T> make) {
        try {
            return make.get();
        } catch (StatementRejected e) {
            problems.addAll(e.under(pointer));
            return null;
        }
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    static boolean present(JsonNode object, String key) {
        return object.has(key) && !object.get(key).isNull();
    }

    /** xAPI statements carry no {@code null} values, except inside extensions, which are free-form. */
    void rejectNulls(JsonNode node, String pointer) {
        if (node.isNull()) {
            add(pointer, "null is not a value in an xAPI statement; leave the property out");
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectNulls(node.get(i), child(pointer, i));
            }
        } else if (node.isObject()) {
            node.properties().stream()
                    .filter(e -> !e.getKey().equals("extensions"))
                    .forEach(e -> rejectNulls(e.getValue(), child(pointer, e.getKey())));
        }
    }

    boolean isObject(JsonNode node, String pointer, String what) {
        if (!node.isObject()) {
            add(pointer, what + " is a JSON object");
        }
        return node.isObject();
    }

    void onlyKeys(JsonNode object, String pointer, Set<String> allowed, String what) {
        object.propertyNames().stream()
                .filter(key -> !allowed.contains(key))
                .forEach(key -> add(child(pointer, key), what + " has no property '" + key + "'"));
    }

    boolean required(JsonNode object, String key, String pointer, String what) {
        if (!object.has(key)) {
            add(child(pointer, key), what + " needs '" + key + "'");
            return false;
        }
        return present(object, key);
    }

    String string(JsonNode object, String key, String pointer) {
        if (!present(object, key)) {
            return null;
        }
        JsonNode value = object.get(key);
        if (!value.isString()) {
            add(child(pointer, key), key + " is a JSON string");
            return null;
        }
        return value.stringValue();
    }

    Boolean bool(JsonNode object, String key, String pointer) {
        if (!present(object, key)) {
            return null;
        }
        JsonNode value = object.get(key);
        if (!value.isBoolean()) {
            add(child(pointer, key), key + " is a JSON boolean true or false, not " + value.getNodeType());
            return null;
        }
        return value.booleanValue();
    }

    Double number(JsonNode object, String key, String pointer) {
        if (!present(object, key)) {
            return null;
        }
        JsonNode value = object.get(key);
        if (!value.isNumber()) {
            add(child(pointer, key), key + " is a JSON number");
            return null;
        }
        return value.doubleValue();
    }

    UUID uuid(JsonNode object, String key, String pointer) {
        String value = string(object, key, pointer);
        if (value == null) {
            return null;
        }
        if (!Iris.isUuid(value)) {
            add(child(pointer, key), key + " is a UUID in standard form (8-4-4-4-12 hex digits)");
            return null;
        }
        return UUID.fromString(value);
    }

    String iri(JsonNode object, String key, String pointer) {
        String value = string(object, key, pointer);
        if (value != null && !Iris.isAbsolute(value)) {
            add(child(pointer, key), key + " is an absolute IRI");
            return null;
        }
        return value;
    }

    /** A language map (xAPI Data section 4.2): language tag to text. */
    Map<String, String> languageMap(JsonNode object, String key, String pointer) {
        if (!present(object, key)) {
            return null;
        }
        JsonNode map = object.get(key);
        String at = child(pointer, key);
        if (!isObject(map, at, key)) {
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        map.properties().forEach(e -> {
            if (!Iris.isLanguageTag(e.getKey())) {
                add(child(at, e.getKey()), "a language map's key is an RFC 5646 language tag");
            } else if (!e.getValue().isString()) {
                add(child(at, e.getKey()), "a language map's value is a JSON string");
            } else {
                texts.put(e.getKey(), e.getValue().stringValue());
            }
        });
        return texts;
    }
}
