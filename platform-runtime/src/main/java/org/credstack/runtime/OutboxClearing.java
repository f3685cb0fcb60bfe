package org.credstack.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Removes published events from their aggregates after the writers have moved on: the relay hands over one {@link
 * Update} per aggregate ({@code $pull} of the published event ids, {@code $inc} of {@code version}), and one thread
 * writes whatever has queued up as a single unordered bulk update per collection. Under load the removals of many
 * aggregates share one store command (and one commit of the embedded store); idle, a removal is written as soon as
 * it is queued.
 *
 * <p>A removal that is lost (a crash before it was written, or a store that refused it) leaves its events pending:
 * the relay's sweep publishes them again with the same {@code ce_id}, and consumers drop the duplicates. Nothing
 * published is ever lost, at worst published twice. The updates commute ({@code $pull} by id and {@code $inc}), so
 * two removals of one aggregate in one bulk write need no order.
 */
final class OutboxClearing implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxClearing.class);

    /** At most this many removals go into one bulk write. */
    static final int MAX_BATCH = 500;

    /** One aggregate's removal. */
    record Removal(String collection, Object id, Update update) {}

    /** Queued by {@link #close}: the thread writes what came before it and stops. */
    private static final Removal STOP = new Removal("", "", new Update());

    private final MongoTemplate mongo;
    private final BlockingQueue<Removal> queue = new LinkedBlockingQueue<>();
    /** The aggregates ({@code collection/id}) with a removal queued or being written. */
    private final Set<String> removing = ConcurrentHashMap.newKeySet();

    private final Thread worker;

    /**
     * @param background whether a thread of its own writes the removals as they queue up; without it only {@link
     *     #drain} does
     */
    OutboxClearing(MongoTemplate mongo, boolean background) {
        this.mongo = mongo;
        this.worker = background
                ? Thread.ofPlatform().name("outbox-clearing").daemon().start(this::run)
                : null;
    }

    /** Queues a removal; it is written with whatever else is queued. */
    void submit(String collection, Object id, Update update) {
        removing.add(key(collection, id));
        queue.add(new Removal(collection, id, update));
    }

    /** Whether a removal of the aggregate is queued or being written: its pending events are published already. */
    boolean removing(String collection, Object id) {
        return removing.contains(key(collection, id));
    }

    private static String key(String collection, Object id) {
        return collection + "/" + id;
    }

    /** Removals queued and not yet written. */
    int queued() {
        return queue.size();
    }

    /**
     * Writes every removal queued now, in bulk writes of at most {@value #MAX_BATCH}, one per collection.
     *
     * @return how many bulk writes it sent
     */
    int drain() {
        int writes = 0;
        List<Removal> batch = new ArrayList<>();
        while (queue.drainTo(batch, MAX_BATCH) > 0) {
            batch.remove(STOP);
            writes += write(batch);
            batch.clear();
        }
        return writes;
    }

    private void run() {
        List<Removal> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException stopping) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.remove(STOP);
            write(batch);
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    /** One unordered bulk update per collection; a failure is logged and left to the sweep. */
    private int write(List<Removal> batch) {
        Map<String, List<Removal>> byCollection = new LinkedHashMap<>();
        batch.forEach(removal -> byCollection
                .computeIfAbsent(removal.collection(), c -> new ArrayList<>())
                .add(removal));
        int writes = 0;
        for (Map.Entry<String, List<Removal>> entry : byCollection.entrySet()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, entry.getKey());
            entry.getValue()
                    .forEach(removal ->
                            bulk.updateOne(new Query(Criteria.where("_id").is(removal.id())), removal.update()));
            try {
                bulk.execute();
                writes++;
            } catch (RuntimeException e) {
                log.warn(
                        "removing {} published events' entries from {} failed; the sweep publishes them again: {}",
                        entry.getValue().size(),
                        entry.getKey(),
                        e.toString());
            } finally {
                entry.getValue().forEach(removal -> removing.remove(key(removal.collection(), removal.id())));
            }
        }
        return writes;
    }

    /** Lets the thread write what is queued, stops it, and writes whatever came after. */
    @Override
    public void close() {
        if (worker != null) {
            queue.add(STOP);
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        drain();
    }
}
