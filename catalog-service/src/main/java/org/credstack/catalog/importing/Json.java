package org.credstack.catalog.importing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.credstack.catalog.importing.ImportRejected.Problem;
import org.credstack.catalog.importing.ImportRejected.Reason;
import org.credstack.runtime.problem.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading JSON-LD as plain JSON: language maps ({@code {"en-US": "..."}}), single values or arrays, and
 * IRIs given as strings or {@code {"@id": ...}} objects.
 */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> PREFERRED_LANGUAGES = List.of("en-US", "en-us", "en", "en-GB");

    private Json() {}

    /** A node and where it sits in the submitted document. */
    record Located(JsonNode node, String pointer) {

        Located child(String property) {
            return new Located(node.path(property), pointer + "/" + escape(property));
        }
    }

    /**
     * Parses a document, tolerating a UTF-8 byte order mark.
     *
     * @param body the bytes received, {@code null} for none
     * @throws ImportRejected with {@link Reason#NOT_JSON} for an empty body, or naming line and column of the
     *     first syntax error
     */
    static JsonNode read(byte[] body, String source) {
        if (body == null) {
            body = new byte[0];
        }
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        String text = new String(body, start, body.length - start, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new ImportRejected(source, Reason.NOT_JSON, List.of(Problem.at("", "the body is empty")));
        }
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String message = e instanceof StreamConstraintsException
                    ? Problems.syntaxError(e, "the document")
                    : "not valid JSON" + where;
            throw new ImportRejected(source, Reason.NOT_JSON, List.of(Problem.at("", message)));
        }
    }

    /**
     * The text of a plain string, number, {@code @value} object or language map (English preferred), or of the
     * first element of an array; trimmed, {@code null} when absent or blank.
     */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isString() || node.isNumber() || node.isBoolean()) {
            String value = node.asString().strip();
            return value.isEmpty() ? null : value;
        }
        if (node.isArray()) {
            for (JsonNode element : node.values()) {
                String value = text(element);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
        if (node.has("@value")) {
            return text(node.get("@value"));
        }
        for (String language : PREFERRED_LANGUAGES) {
            String value = text(node.get(language));
            if (value != null) {
                return value;
            }
        }
        for (JsonNode value : node.values()) {
            String found = text(value);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Every text of a string, array or language map whose values are strings or arrays, in order. */
    static List<String> texts(JsonNode node) {
        List<String> found = new ArrayList<>();
        collectTexts(node, found);
        return found.stream().distinct().toList();
    }

    private static void collectTexts(JsonNode node, List<String> into) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.values().forEach(element -> collectTexts(element, into));
        } else if (node.isObject() && !node.has("@value")) {
            JsonNode english = null;
            for (String language : PREFERRED_LANGUAGES) {
                if (node.has(language)) {
                    english = node.get(language);
                    break;
                }
            }
            if (english != null) {
                collectTexts(english, into);
            } else {
                node.values().forEach(value -> collectTexts(value, into));
            }
        } else {
            String value = text(node);
            if (value != null) {
                into.add(value);
            }
        }
    }

    /** IRIs given as a string, an {@code {"@id"}} / {@code {"id"}} object, or an array of those. */
    static List<String> iris(JsonNode node) {
        List<String> found = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return found;
        }
        for (JsonNode element : node.isArray() ? node.values() : List.of(node)) {
            String iri = element.isObject()
                    ? text(element.has("@id") ? element.get("@id") : element.get("id"))
                    : text(element);
            if (iri != null) {
                found.add(iri);
            }
        }
        return found;
    }

    /** The node's elements if it is an array, else the node itself (nothing if absent). */
    static List<Located> each(Located located) {
        JsonNode node = located.node();
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            return List.of(located);
        }
        List<Located> elements = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            elements.add(new Located(node.get(i), located.pointer() + "/" + i));
        }
        return elements;
    }

    /** The JSON-LD types ({@code @type} or {@code type}), without a {@code ceterms:} style prefix. */
    static List<String> types(JsonNode node) {
        JsonNode type = node.has("@type") ? node.get("@type") : node.path("type");
        return texts(type).stream().map(t -> t.substring(t.indexOf(':') + 1)).toList();
    }

    /** Whether {@code iri} is an absolute http(s) IRI. */
    static boolean isWebIri(String iri) {
        try {
            URI uri = iri == null ? null : URI.create(iri);
            return uri != null
                    && uri.isAbsolute()
                    && uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code iri} is any absolute IRI. */
    static boolean isAbsoluteIri(String iri) {
        try {
            return iri != null && URI.create(iri).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host of an http(s) IRI, or {@code null}. */
    static String host(String iri) {
        return isWebIri(iri) ? URI.create(iri).getHost() : null;
    }

    /** {@code urn:sha256:<hex>} of the canonical form of a JSON tree (object keys sorted, no whitespace). */
    static String contentHash(JsonNode node) {
        try {
            byte[] canonical = MAPPER.writeValueAsBytes(sorted(node));
            return "urn:sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> byName = new TreeMap<>();
            node.properties().forEach(entry -> byName.put(entry.getKey(), sorted(entry.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            byName.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** Lower-case words joined by hyphens, for readable stable keys. */
    static String slug(String text) {
        String slug =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "x" : slug;
    }

    static String escape(String property) {
        return property.replace("~", "~0").replace("/", "~1");
    }
}
