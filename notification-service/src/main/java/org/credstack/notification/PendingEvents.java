package org.credstack.notification;

import java.time.Instant;
import org.bson.Document;
import org.credstack.runtime.PendingEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the entries of an aggregate's {@code pendingEvents} array in the exact shape
 * {@link org.credstack.runtime.OutboxRelay} reads ({@code eventId}, {@code topic}, {@code key}, {@code headers},
 * {@code payload}), so they can be {@code $push}ed in the same single-document update as the state change.
 */
public final class PendingEvents {

    private PendingEvents() {}

    /**
     * @param event a record of {@code notification.events.v1}
     * @param time the envelope time, from the injected clock
     * @return the outbox entry with a fresh {@code ce_id}
     */
    public static Document of(Object event, Instant time, JsonMapper json) {
        PendingEvent pending = PendingEvent.of(event, time, json);
        return new Document("eventId", pending.eventId())
                .append("topic", pending.topic())
                .append("key", pending.key())
                .append("headers", new Document(pending.headers()))
                .append("payload", pending.payload());
    }
}
