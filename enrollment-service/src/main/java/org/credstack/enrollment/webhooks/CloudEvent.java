package org.credstack.enrollment.webhooks;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudEvent received over HTTP (CloudEvents 1.0.2, HTTP protocol binding 1.0.2), with JSON object data.
 *
 * @param id {@code id}, not empty
 * @param source {@code source}, a non-empty URI-reference
 * @param type {@code type}, not empty
 * @param subject {@code subject}, or {@code null}
 * @param time {@code time} (RFC 3339) in UTC, or {@code null}
 * @param data the event's data, a JSON object
 */
record CloudEvent(String id, String source, String type, String subject, Instant time, JsonNode data) {

    /** {@code Content-Type} of structured content mode with the JSON event format (HTTP binding section 3.2.1). */
    static final String STRUCTURED = "application/cloudevents+json";

    private static final String PREFIX = "ce-";

    /**
     * Reads the event from a request: in structured content mode when the {@code Content-Type} is {@value
     * #STRUCTURED} (the body is the JSON event format, section 3 of json-format 1.0.2), otherwise in binary content
     * mode (attributes in {@code ce-*} headers, percent-decoded per HTTP binding section 3.1.3.2; the body is the
     * data, {@code application/json}). Extension attributes are ignored; an attribute set to JSON {@code null} is
     * unset.
     *
     * @throws InvalidCloudEvent naming the attribute (or {@code data}) that is missing or malformed;
     *     {@code specversion} other than {@code 1.0} included
     */
    static CloudEvent read(HttpHeaders headers, byte[] body, JsonMapper json) {
        MediaType contentType = headers.getContentType();
        return contentType != null && contentType.isCompatibleWith(MediaType.valueOf(STRUCTURED))
                ? structured(body, json)
                : binary(headers, body, json);
    }

    private static CloudEvent structured(byte[] body, JsonMapper json) {
        JsonNode event = tree(body, json, "$");
        if (!event.isObject()) {
            throw new InvalidCloudEvent("$", "a structured-mode body is a JSON object with the event's attributes");
        }
        String contentType = string(event, "datacontenttype");
        if (contentType != null && !isJson(contentType)) {
            throw new InvalidCloudEvent("datacontenttype", "the data of this event is application/json");
        }
        if (event.has("data_base64")) {
            throw new InvalidCloudEvent("data_base64", "the data of this event is a JSON object in 'data'");
        }
        JsonNode data = event.get("data");
        return of(
                string(event, "specversion"),
                string(event, "id"),
                string(event, "source"),
                string(event, "type"),
                string(event, "subject"),
                string(event, "time"),
                data);
    }

    private static CloudEvent binary(HttpHeaders headers, byte[] body, JsonMapper json) {
        return of(
                header(headers, "specversion"),
                header(headers, "id"),
                header(headers, "source"),
                header(headers, "type"),
                header(headers, "subject"),
                header(headers, "time"),
                body.length == 0 ? null : tree(body, json, "data"));
    }

    private static CloudEvent of(
            String specversion, String id, String source, String type, String subject, String time, JsonNode data) {
        if (specversion == null) {
            throw new InvalidCloudEvent("specversion", "specversion is required");
        }
        if (!"1.0".equals(specversion)) {
            throw new InvalidCloudEvent("specversion", "specversion is 1.0, not '" + specversion + "'");
        }
        required("id", id);
        required("source", source);
        required("type", type);
        try {
            new URI(source);
        } catch (URISyntaxException e) {
            throw new InvalidCloudEvent("source", "source is a URI-reference (RFC 3986)");
        }
        if (data == null || !data.isObject()) {
            throw new InvalidCloudEvent("data", "data is a JSON object");
        }
        return new CloudEvent(id, source, type, subject, instant(time), data);
    }

    private static void required(String attribute, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidCloudEvent(attribute, attribute + " is required and not empty");
        }
    }

    private static Instant instant(String time) {
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidCloudEvent("time", "time is an RFC 3339 timestamp, e.g. 2026-03-01T09:00:00Z");
        }
    }

    /** A string attribute of the JSON event format; JSON {@code null} or absent is unset. */
    private static String string(JsonNode event, String attribute) {
        JsonNode value = event.get(attribute);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidCloudEvent(attribute, attribute + " is a JSON string");
        }
        return value.stringValue();
    }

    private static String header(HttpHeaders headers, String attribute) {
        String value = headers.getFirst(PREFIX + attribute);
        return value == null ? null : percentDecoded(value, attribute);
    }

    /** HTTP binding 1.0.2 section 3.1.3.2: {@code %XX} escapes of UTF-8 bytes; no other decoding ({@code +} stays). */
    static String percentDecoded(String value, String attribute) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()
                        || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    throw new InvalidCloudEvent(attribute, "ce-" + attribute + " has a broken percent-encoding");
                }
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidCloudEvent(attribute, "ce-" + attribute + " decodes to invalid UTF-8");
        }
    }

    private static JsonNode tree(byte[] body, JsonMapper json, String where) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidCloudEvent(where, "the body is not JSON");
        }
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
