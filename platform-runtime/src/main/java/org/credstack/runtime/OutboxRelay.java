package org.credstack.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the {@link PendingEvent}s that aggregates carry in their {@code pendingEvents} field, then
 * removes them from the document. Runs on a fixed delay ({@code credstack.runtime.outbox-poll-interval}) and
 * when a service calls {@link #relay()} right after a save.
 *
 * <p>Each record is sent with the idempotent producer ({@code acks=all}) and awaited before the event is
 * removed, so a crash between the two re-sends the same record with the same {@code ce_id}: delivery is
 * at least once and consumers drop the duplicate. Removing the events also increments the aggregate's
 * {@code version}, so a writer holding a stale copy fails its optimistic lock instead of writing the
 * published events back.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String PENDING = "pendingEvents";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> collections;
    private final Counter published;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * @param collections the Mongo collections whose documents carry {@code pendingEvents}
     */
    public OutboxRelay(
            MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.published = Counter.builder("credstack.outbox.published")
                .description("events published from aggregates' outboxes")
                .register(meters);
    }

    /** Publishes everything pending now; returns how many events were published. */
    @Scheduled(fixedDelayString = "${credstack.runtime.outbox-poll-interval:500ms}")
    public int relay() {
        if (!lock.tryLock()) {
            return 0;
        }
        try {
            int count = 0;
            for (String collection : collections) {
                count += relay(collection);
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    private int relay(String collection) {
        Query pending = new Query(Criteria.where(PENDING + ".0").exists(true));
        int count = 0;
        for (Document aggregate : mongo.find(pending, Document.class, collection)) {
            count += relay(collection, aggregate);
        }
        return count;
    }

    private int relay(String collection, Document aggregate) {
        List<String> sent = new ArrayList<>();
        try {
            for (Document event : aggregate.getList(PENDING, Document.class)) {
                send(event);
                sent.add(event.getString("eventId"));
            }
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            log.warn(
                    "outbox relay of {} {} stopped after {} events, will retry: {}",
                    collection,
                    aggregate.get("_id"),
                    sent.size(),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!sent.isEmpty()) {
            Update update = new Update()
                    .pull(PENDING, new Document("eventId", new Document("$in", sent)))
                    .inc("version", 1);
            mongo.updateFirst(new Query(Criteria.where("_id").is(aggregate.get("_id"))), update, collection);
            published.increment(sent.size());
        }
        return sent.size();
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
