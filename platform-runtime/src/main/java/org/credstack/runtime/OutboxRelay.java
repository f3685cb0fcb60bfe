package org.credstack.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.bson.Document;
import org.credstack.events.EventEnvelope;
import org.credstack.runtime.operations.RecentCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the {@link PendingEvent}s that aggregates carry in their {@code pendingEvents} field, then
 * removes them from the document. A service calls {@link #publishStored} (through {@link Outbox}) right after the
 * write that staged the events, with the events it wrote: nothing is read back, and the removal is written later
 * together with other aggregates' ({@link OutboxClearing}). A writer that staged them with a conditional update calls
 * {@link #publish}, which reads that one document by {@code _id}. A slow {@link #sweep} ({@code
 * credstack.runtime.outbox-sweep-interval}, and once soon after start) publishes what a crash or a broker outage left
 * behind, reading only the documents that hold a pending event (the sparse index {@code pending_events}). It leaves
 * alone the aggregates whose writer is publishing them itself (events staged for a mapped write and not yet
 * published, or published with their removal queued), so a sweep that meets a write under way sends nothing twice.
 *
 * <p>Each record is sent with the idempotent producer ({@code acks=all}) and awaited before the event is
 * removed, so a crash between the two re-sends the same record with the same {@code ce_id}: delivery is
 * at least once and consumers drop the duplicate. Removing the events also increments the aggregate's
 * {@code version}, so a writer holding a stale copy fails its optimistic lock instead of writing the
 * published events back.
 *
 * <p>An event Kafka can never accept (any error that is not a {@link RetriableException}, such as a
 * record over {@code max.request.size} or a serialization failure) is set aside: moved from
 * {@code pendingEvents} to {@code failedEvents} with the error and the time, in the same update that
 * removes the published ones, logged at ERROR and counted in {@code credstack.outbox.failed}. The events
 * after it are still published in order. Retriable errors stop the aggregate's relay until the next run.
 *
 * <p>{@value #OLDEST_PENDING_AGE} (seconds) is how long the oldest event the last {@link #sweep} could not publish
 * has been waiting, from its envelope time {@code ce_time}; 0 when the sweep left nothing behind (events staged while
 * it ran are not counted: their writers are publishing them). The sweep reads it
 * after publishing, through the same sparse index, so it costs one indexed query per sweep and nothing per event; it
 * is as fresh as the sweep interval.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String PENDING = "pendingEvents";
    static final String FAILED = "failedEvents";
    static final String VERSION = "version";
    /** Present only in documents with a pending event; its sparse index keeps the sweep to those documents. */
    static final String PENDING_ID = PENDING + ".eventId";

    private static final int STRIPES = 64;

    /** Gauge: seconds the oldest event left pending by the last sweep has waited; Prometheus adds {@code _seconds}. */
    public static final String OLDEST_PENDING_AGE = "credstack.outbox.oldest.pending.age";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> collections;
    private final Clock clock;
    private final Counter published;
    private final Counter failed;
    private final RecentCounts recentCounts;
    private final ReentrantLock sweeping = new ReentrantLock();
    /** The envelope time of the oldest event the last sweep left pending; null when it left none. */
    private volatile Instant oldestPending;
    /** One aggregate is published by one thread at a time, so its events go out once and in order. */
    private final ReentrantLock[] aggregateLocks = new ReentrantLock[STRIPES];
    /** Removes what {@link #publishStored} published, several aggregates per store command. */
    private final OutboxClearing clearing;
    /**
     * Events staged for a mapped write, by id, with when ({@link System#nanoTime}): their writer publishes them itself
     * ({@link #publishStored}) once its write is done, so the sweep leaves their aggregates alone for {@link
     * #WRITER_GRACE}. Per process: another instance's writers are not known here.
     */
    private final Map<String, Long> withTheirWriters = new ConcurrentHashMap<>();

    /** How long the sweep leaves an aggregate to the writer that staged its events: 1 minute. */
    static final Duration WRITER_GRACE = Duration.ofMinutes(1);

    /**
     * A relay that counts its published events in a {@link RecentCounts} of its own.
     *
     * @param collections the Mongo collections whose documents carry {@code pendingEvents}
     */
    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            List<String> collections,
            MeterRegistry meters,
            Clock clock) {
        this(mongo, kafka, collections, meters, clock, new RecentCounts(clock));
    }

    /**
     * @param collections the Mongo collections whose documents carry {@code pendingEvents}
     * @param recentCounts counts each event the broker acknowledged under its {@code ce_type}, for the operator's
     *     counts of the last hour
     */
    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            List<String> collections,
            MeterRegistry meters,
            Clock clock,
            RecentCounts recentCounts) {
        this(mongo, kafka, collections, meters, clock, recentCounts, true);
    }

    /**
     * @param clearInBackground whether a thread of its own removes what {@link #publishStored} published; without
     *     it the removals wait for {@link #drainRemovals} (for tests that count the store commands they cost)
     */
    OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            List<String> collections,
            MeterRegistry meters,
            Clock clock,
            RecentCounts recentCounts,
            boolean clearInBackground) {
        this.recentCounts = recentCounts;
        this.clearing = new OutboxClearing(mongo, clearInBackground);
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.collections.forEach(collection -> mongo.indexOps(collection)
                .createIndex(
                        new Index().on(PENDING_ID, Sort.Direction.ASC).sparse().named("pending_events")));
        for (int i = 0; i < STRIPES; i++) {
            aggregateLocks[i] = new ReentrantLock();
        }
        this.clock = clock;
        this.published = Counter.builder("credstack.outbox.published")
                .description("events published from aggregates' outboxes")
                .register(meters);
        this.failed = Counter.builder("credstack.outbox.failed")
                .description("events set aside because Kafka can never accept them")
                .register(meters);
        Gauge.builder(OLDEST_PENDING_AGE, this, OutboxRelay::oldestPendingAge)
                .description("how long the oldest event the last outbox sweep could not publish has waited")
                .baseUnit("seconds")
                .register(meters);
    }

    /**
     * Publishes the pending events of one aggregate, in order, and removes them from its document.
     *
     * @param collection the aggregate's collection
     * @param id its {@code _id}
     * @return how many events were published (0 when none were pending, or Kafka failed: the sweep retries)
     */
    public int publish(String collection, Object id) {
        ReentrantLock lock = lockOf(id);
        lock.lock();
        try {
            if (clearing.queued() > 0) {
                // removals of events already published go first, so that this read does not send them again
                clearing.drain();
            }
            Document aggregate = mongo.findById(id, Document.class, collection);
            if (aggregate == null) {
                return 0;
            }
            Relayed relayed = relay(collection, id, aggregate.getList(PENDING, Document.class));
            if (relayed.removal() != null) {
                mongo.updateFirst(new Query(Criteria.where("_id").is(id)), relayed.removal(), collection);
            }
            return relayed.sent();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Publishes the pending events a writer has just stored with its aggregate, in order, without reading the
     * aggregate back, and queues their removal from its document ({@link OutboxClearing}: written shortly after,
     * together with other aggregates' removals).
     *
     * <p>{@code stored} must be the aggregate's whole {@code pendingEvents} as the write left them: what a mapped save
     * under the optimistic lock wrote, or an insert. Then the document holds exactly these events, since any other
     * change in between would have failed the write; a relay that removed some of them since only makes them
     * duplicates, which consumers drop by {@code ce_id}. A writer that changed the document with a conditional
     * update does not know its whole list, and calls {@link #publish} instead.
     *
     * @param collection the aggregate's collection
     * @param id its {@code _id}
     * @param stored its {@code pendingEvents} as stored, each the document the mapping wrote
     * @return how many events were published (fewer when Kafka failed: the sweep retries the rest)
     */
    public int publishStored(String collection, Object id, List<Document> stored) {
        ReentrantLock lock = lockOf(id);
        lock.lock();
        try {
            Relayed relayed = relay(collection, id, stored);
            if (relayed.removal() != null) {
                clearing.submit(collection, id, relayed.removal());
            }
            return relayed.sent();
        } finally {
            lock.unlock();
            stored.forEach(event -> withTheirWriters.remove(event.getString("eventId")));
        }
    }

    /**
     * Notes events staged for a mapped write, whose writer will publish them with {@link #publishStored}: until it
     * has (or for {@link #WRITER_GRACE}, if it never does), the sweep leaves their aggregate alone, so that it does
     * not send them as well while the write is under way.
     */
    void stagedByWriter(List<PendingEvent> staged) {
        long now = System.nanoTime();
        staged.forEach(event -> withTheirWriters.put(event.eventId(), now));
    }

    /**
     * Writes the removals {@link #publishStored} queued, now, on the calling thread.
     *
     * @return how many store commands (bulk updates, one per collection and at most {@value
     *     OutboxClearing#MAX_BATCH} removals each) it sent
     */
    int drainRemovals() {
        return clearing.drain();
    }

    /** Writes the removals still queued and stops the thread that writes them; the context calls it on shutdown. */
    public void close() {
        clearing.close();
    }

    /**
     * Publishes everything pending in every outbox collection: the documents the sparse index {@code
     * pending_events} holds, so the sweep reads only aggregates with events waiting (MongoDB and the embedded store
     * alike).
     *
     * @return how many events were published
     */
    @Scheduled(
            initialDelayString = "${credstack.runtime.outbox-sweep-initial-delay:5s}",
            fixedDelayString = "${credstack.runtime.outbox-sweep-interval:30s}")
    public int sweep() {
        if (!sweeping.tryLock()) {
            return 0;
        }
        try {
            Instant started = clock.instant();
            int count = 0;
            long graceStart = System.nanoTime() - WRITER_GRACE.toNanos();
            withTheirWriters.values().removeIf(stagedAt -> stagedAt - graceStart < 0);
            for (String collection : collections) {
                Query pending = new Query(Criteria.where(PENDING_ID).exists(true));
                pending.fields().include("_id").include(PENDING_ID);
                for (Document found : mongo.find(pending, Document.class, collection)) {
                    if (!leftToItsWriter(collection, found)) {
                        count += publish(collection, found.get("_id"));
                    }
                }
            }
            oldestPending = oldestStillPending(started);
            return count;
        } finally {
            sweeping.unlock();
        }
    }

    /**
     * Whether a writer is publishing the aggregate's pending events itself: it staged one of them for a mapped write
     * it has not published yet, or its events are published and their removal is queued.
     */
    private boolean leftToItsWriter(String collection, Document found) {
        if (clearing.removing(collection, found.get("_id"))) {
            return true;
        }
        return found.getList(PENDING, Document.class, List.of()).stream()
                .anyMatch(event -> withTheirWriters.containsKey(event.getString("eventId")));
    }

    /** Seconds since the envelope time of the oldest event the last sweep left pending; 0 when none. */
    double oldestPendingAge() {
        Instant oldest = oldestPending;
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /**
     * The oldest envelope time of the events staged before the sweep started that are still pending: the sweep tried
     * them and failed. Those staged since are the writers' own, being published right after their write; the next sweep
     * judges them.
     */
    private Instant oldestStillPending(Instant sweepStarted) {
        Instant oldest = null;
        for (String collection : collections) {
            Query pending = new Query(Criteria.where(PENDING_ID).exists(true));
            pending.fields().include(PENDING);
            for (Document found : mongo.find(pending, Document.class, collection)) {
                for (Document event : found.getList(PENDING, Document.class, List.of())) {
                    Instant staged = stagedAt(event);
                    if (staged != null
                            && staged.isBefore(sweepStarted)
                            && (oldest == null || staged.isBefore(oldest))) {
                        oldest = staged;
                    }
                }
            }
        }
        return oldest;
    }

    private static Instant stagedAt(Document event) {
        Document headers = event.get("headers", Document.class);
        Object time = headers == null ? null : headers.get(EventEnvelope.TIME);
        try {
            return time == null ? null : Instant.parse(time.toString());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private ReentrantLock lockOf(Object id) {
        return aggregateLocks[Math.floorMod(id.hashCode(), STRIPES)];
    }

    /** How many events a relay sent, and the update that removes what it sent or set aside (null when nothing). */
    private record Relayed(int sent, Update removal) {}

    private Relayed relay(String collection, Object id, List<Document> pendingEvents) {
        if (pendingEvents == null || pendingEvents.isEmpty()) {
            return new Relayed(0, null);
        }
        List<String> sent = new ArrayList<>();
        List<Document> setAside = new ArrayList<>();
        try {
            for (Document event : pendingEvents) {
                Throwable error = sendOrFail(event);
                if (error == null) {
                    sent.add(event.getString("eventId"));
                    withTheirWriters.remove(event.getString("eventId"));
                    countPublished(event);
                } else {
                    setAside.add(setAside(collection, id, event, error));
                }
            }
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            log.warn(
                    "outbox relay of {} {} stopped after {} events, will retry: {}",
                    collection,
                    id,
                    sent.size(),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sent.isEmpty() && setAside.isEmpty()) {
            return new Relayed(0, null);
        }
        List<String> done = new ArrayList<>(sent);
        setAside.forEach(event -> done.add(event.getString("eventId")));
        Update removal = new Update()
                .pull(PENDING, new Document("eventId", new Document("$in", done)))
                .inc(VERSION, 1);
        if (!setAside.isEmpty()) {
            removal.push(FAILED).each(setAside.toArray());
        }
        published.increment(sent.size());
        failed.increment(setAside.size());
        return new Relayed(sent.size(), removal);
    }

    private void countPublished(Document event) {
        Document headers = event.get("headers", Document.class);
        Object type = headers == null ? null : headers.get("ce_type");
        if (type != null) {
            recentCounts.add(type.toString());
        }
    }

    /**
     * Sends the event; returns the error if Kafka can never accept it, throws if a retry may succeed.
     */
    private Throwable sendOrFail(Document event) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            send(event);
            return null;
        } catch (ExecutionException | RuntimeException e) {
            Throwable kafkaError = kafkaError(e);
            if (kafkaError == null || kafkaError instanceof RetriableException) {
                throw e;
            }
            return kafkaError;
        }
    }

    /** The Kafka client's own exception in the cause chain, or null if there is none. */
    private static Throwable kafkaError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.KafkaException || t instanceof RetriableException) {
                return t;
            }
        }
        return null;
    }

    private Document setAside(String collection, Object id, Document event, Throwable error) {
        log.error(
                "outbox event {} ({}) of {} {} can never be published, set aside in {}: {}",
                event.getString("eventId"),
                event.getString("topic"),
                collection,
                id,
                FAILED,
                error.toString());
        return new Document(event).append("error", error.toString()).append("failedAt", Date.from(clock.instant()));
    }

    private void send(Document event) throws ExecutionException, InterruptedException, TimeoutException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                event.getString("topic"),
                event.getString("key"),
                event.getString("payload").getBytes(StandardCharsets.UTF_8));
        event.get("headers", Document.class)
                .forEach((name, value) ->
                        record.headers().add(name, value.toString().getBytes(StandardCharsets.UTF_8)));
        kafka.send(record).get(30, TimeUnit.SECONDS);
    }
}
