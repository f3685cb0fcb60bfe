package org.credstack.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.credstack.runtime.tracing.TraceContextHeaders;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an aggregate's repository needs of the outbox: turning the events the aggregate raised into {@link
 * PendingEvent}s (one envelope time, from the service's clock) and asking the relay to publish an aggregate right
 * after the write that staged them.
 *
 * <p>Typical use: {@code aggregate.stage(outbox.stage(aggregate.raised())); mongo.save(aggregate);
 * outbox.publish(COLLECTION, aggregate.id(), aggregate.pendingEvents());}
 */
public class Outbox {

    private final OutboxRelay relay;
    private final MongoConverter converter;
    private final JsonMapper json;
    private final Clock clock;
    private final TraceContextHeaders traceContext;

    /**
     * An outbox that stores no trace context with its events.
     *
     * @param relay publishes the staged events
     * @param converter maps a {@link PendingEvent} to the document shape the relay reads
     * @param json writes event payloads
     * @param clock the service's clock, for the envelope time {@code ce_time}
     */
    public Outbox(OutboxRelay relay, MongoConverter converter, JsonMapper json, Clock clock) {
        this(relay, converter, json, clock, TraceContextHeaders.NONE);
    }

    /**
     * @param relay publishes the staged events
     * @param converter maps a {@link PendingEvent} to the document shape the relay reads
     * @param json writes event payloads
     * @param clock the service's clock, for the envelope time {@code ce_time}
     * @param traceContext the trace context of the staging thread, stored with each event as record headers
     */
    public Outbox(
            OutboxRelay relay,
            MongoConverter converter,
            JsonMapper json,
            Clock clock,
            TraceContextHeaders traceContext) {
        this.relay = relay;
        this.converter = converter;
        this.json = json;
        this.clock = clock;
        this.traceContext = traceContext;
    }

    /**
     * The pending events for raised events, in order, each with a fresh {@code ce_id}, the time now and the
     * {@code traceparent} of the current span (if any). The relay's sweep leaves them to the writer, which publishes
     * them after its write ({@link #publish(String, Object, List)}).
     *
     * @param raised records of the v1 topics (see {@code org.credstack.events.Topic})
     * @throws IllegalArgumentException if no topic carries one of them
     */
    public List<PendingEvent> stage(Collection<?> raised) {
        Instant now = clock.instant();
        Map<String, String> trace = traceContext.current();
        List<PendingEvent> staged = raised.stream()
                .map(event -> PendingEvent.of(event, now, json).withHeaders(trace))
                .toList();
        relay.stagedByWriter(staged);
        return staged;
    }

    /**
     * One event as the BSON document to {@code $push} onto an aggregate's {@code pendingEvents}, for aggregates
     * changed by a conditional update rather than a mapped save.
     */
    public Document stageForUpdate(Object event) {
        PendingEvent pending = PendingEvent.of(event, clock.instant(), json).withHeaders(traceContext.current());
        return (Document) converter.convertToMongoType(pending);
    }

    /**
     * Publishes the aggregate's pending events now (see {@link OutboxRelay#publish}); failures are left to the sweep.
     *
     * @param collection one of the service's {@link OutboxCollection}s
     * @param id the aggregate's {@code _id}
     */
    public void publish(String collection, Object id) {
        relay.publish(collection, id);
    }

    /**
     * Publishes the events a mapped save or insert has just stored with the aggregate, without reading it back (see
     * {@link OutboxRelay#publishStored}); failures are left to the sweep.
     *
     * @param collection one of the service's {@link OutboxCollection}s
     * @param id the aggregate's {@code _id}
     * @param stored the aggregate's whole {@code pendingEvents} as that write stored them, oldest first
     */
    public void publish(String collection, Object id, List<PendingEvent> stored) {
        relay.publishStored(
                collection,
                id,
                stored.stream()
                        .map(event -> (Document) converter.convertToMongoType(event))
                        .toList());
    }
}
