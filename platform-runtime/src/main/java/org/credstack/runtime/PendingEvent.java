package org.credstack.runtime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.credstack.events.EventEnvelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event an aggregate has caused but the relay has not yet published. The aggregate stores its
 * pending events in its own document, so the state change and its events are one single-document
 * write (docs/architecture.md, "Nothing lost between state and event"); {@link OutboxRelay} publishes and then
 * removes them.
 *
 * <p>The envelope is fixed when the event is created: a re-send after a crash carries the same
 * {@code ce_id}, which consumers use to drop the duplicate.
 *
 * @param eventId the CloudEvents {@code id} (not named {@code id}: Spring Data would store that as {@code _id})
 * @param topic Kafka topic name
 * @param key record key
 * @param headers the CloudEvents {@code ce_*} and {@code content-type} headers (see {@link EventEnvelope#headers()}),
 *     and the W3C {@code traceparent} of the span that staged the event when there was one
 *     (docs/tracing-resilience.md)
 * @param payload the event record as JSON
 */
public record PendingEvent(String eventId, String topic, String key, Map<String, String> headers, String payload) {

    /**
     * Captures an event with a fresh id.
     *
     * @param event a record of one of the v1 topics
     * @param time the envelope time (from the service's injected clock)
     * @throws IllegalArgumentException if no topic carries the event
     */
    public static PendingEvent of(Object event, Instant time, JsonMapper json) {
        EventEnvelope<Object> envelope = EventEnvelope.wrap(event, UUID.randomUUID(), time);
        return new PendingEvent(
                envelope.id().toString(),
                envelope.topic().topicName(),
                envelope.key(),
                envelope.headers(),
                json.writeValueAsString(event));
    }

    /**
     * This event with more record headers, such as the trace context of the span that staged it; the envelope's own
     * headers are kept as they are.
     *
     * @param more header name to value
     */
    public PendingEvent withHeaders(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(more);
        all.putAll(headers);
        return new PendingEvent(eventId, topic, key, all, payload);
    }
}
