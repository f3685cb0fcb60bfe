package org.credstack.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CredStack event in its CloudEvents 1.0 envelope, Kafka protocol binding, binary content mode
 * (CloudEvents Kafka binding section 3.2): attributes travel as {@code ce_*} headers, the event record
 * as the JSON value with {@code content-type: application/json}.
 *
 * <p>This is the one place that writes and reads the envelope; services never set {@code ce_*} headers
 * themselves.
 *
 * @param id {@code ce_id}, a UUID; consumers' idempotency key
 * @param source {@code ce_source}, {@code /credstack/<service>}
 * @param type {@code ce_type}, {@code org.credstack.<service>.<EventName>.v1}
 * @param time {@code ce_time}, RFC 3339 in UTC
 * @param subject {@code ce_subject}, the learner id or credential id
 * @param data the event record
 * @param <E> the event type
 */
public record EventEnvelope<E>(UUID id, String source, String type, Instant time, String subject, E data) {

    /** Header of the CloudEvents {@code specversion}, always {@code 1.0}. */
    public static final String SPECVERSION = "ce_specversion";
    /** Header of the CloudEvents {@code id}. */
    public static final String ID = "ce_id";
    /** Header of the CloudEvents {@code source}. */
    public static final String SOURCE = "ce_source";
    /** Header of the CloudEvents {@code type}. */
    public static final String TYPE = "ce_type";
    /** Header of the CloudEvents {@code time}. */
    public static final String TIME = "ce_time";
    /** Header of the CloudEvents {@code subject}. */
    public static final String SUBJECT = "ce_subject";
    /** Header of the {@code datacontenttype} in binary mode (Kafka binding section 3.2.1), always JSON. */
    public static final String CONTENT_TYPE = "content-type";

    private static final String JSON = "application/json";

    /** @throws NullPointerException if {@code id}, {@code type}, {@code time} or {@code data} is missing */
    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Wraps an event, deriving {@code source}, {@code type} and {@code subject} from its topic.
     *
     * @param event a record of one of the topics' sealed interfaces
     * @param id the event id (generate once and keep it with the pending event, so a re-send keeps it)
     * @param time when the envelope was created, UTC
     * @throws IllegalArgumentException if no topic carries the event
     */
    public static <E> EventEnvelope<E> wrap(E event, UUID id, Instant time) {
        Topic topic = Topic.of(event.getClass());
        return new EventEnvelope<>(
                id, topic.source(), topic.typeOf(event.getClass()), time, Topic.subjectOf(event), event);
    }

    /** The topic this envelope's event belongs on. */
    public Topic topic() {
        return Topic.of(data.getClass());
    }

    /** The record key (see {@link Topic#keyOf(Object)}). */
    public String key() {
        return Topic.keyOf(data);
    }

    /** The Kafka record: key, JSON value and the {@code ce_*} headers. */
    public ProducerRecord<String, byte[]> toProducerRecord(JsonMapper json) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic().topicName(), key(), json.writeValueAsBytes(data));
        headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The envelope attributes as header name to value. */
    public Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        headers.put(SPECVERSION, "1.0");
        headers.put(ID, id.toString());
        headers.put(SOURCE, source);
        headers.put(TYPE, type);
        headers.put(TIME, DateTimeFormatter.ISO_INSTANT.format(time));
        headers.put(SUBJECT, subject);
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }

    /**
     * Reads an envelope from a Kafka record.
     *
     * @param topic the topic the record came from
     * @param headers its headers
     * @param value its JSON value
     * @throws MalformedEventException if a required attribute is missing, the type is unknown on the topic, or
     *     the value does not read as that type
     */
    public static EventEnvelope<?> read(Topic topic, Headers headers, byte[] value, JsonMapper json) {
        Map<String, Object> attributes = new HashMap<>();
        for (Header header : headers) {
            attributes.put(header.key(), header.value());
        }
        return read(topic, attributes, value, json);
    }

    /**
     * Reads an envelope from a Spring message (as a Spring Cloud Stream consumer receives it; header
     * values may be raw bytes or strings).
     *
     * @throws MalformedEventException if a required attribute is missing or the type is unknown on the topic
     */
    public static EventEnvelope<?> read(Topic topic, Message<byte[]> message, JsonMapper json) {
        return read(topic, message.getHeaders(), message.getPayload(), json);
    }

    private static EventEnvelope<?> read(Topic topic, Map<String, Object> attributes, byte[] value, JsonMapper json) {
        String type = attribute(attributes, TYPE);
        Class<?> record = topic.recordOf(type)
                .orElseThrow(
                        () -> new MalformedEventException("type " + type + " is not carried on " + topic.topicName()));
        try {
            return new EventEnvelope<>(
                    UUID.fromString(attribute(attributes, ID)),
                    attribute(attributes, SOURCE),
                    type,
                    Instant.parse(attribute(attributes, TIME)),
                    attribute(attributes, SUBJECT),
                    json.readValue(value, record));
        } catch (RuntimeException e) {
            if (e instanceof MalformedEventException) {
                throw e;
            }
            throw new MalformedEventException("unreadable " + type + ": " + e.getMessage(), e);
        }
    }

    private static String attribute(Map<String, Object> attributes, String name) {
        Object value = attributes.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value == null) {
            throw new MalformedEventException("missing CloudEvents attribute " + name);
        }
        return value.toString();
    }
}
