package org.credstack.runtime;

import java.time.Clock;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The {@code ce_id}s of the events a service's consumers have handled (docs/architecture.md, "Every consumer is
 * idempotent"), in the collection {@value #COLLECTION} ({@code { "_id": "<ce_id>", "type": "<ce_type>",
 * "processedAt": ISODate }}); the {@code _id} makes remembering an id twice harmless. A consumer checks
 * {@link #contains} first, does its work (guarded by its business key, so a crash before
 * {@link #remember} is repaired by the redelivery), then remembers the id.
 */
public class ProcessedEvents {

    /** The collection name. */
    public static final String COLLECTION = "processedEvents";

    private final MongoTemplate mongo;
    private final Clock clock;

    /**
     * @param mongo the service's store
     * @param clock the service's clock, for {@code processedAt}
     */
    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Whether an event with this {@code ce_id} was handled before. */
    public boolean contains(UUID eventId) {
        return mongo.findById(eventId.toString(), Document.class, COLLECTION) != null;
    }

    /**
     * Records that the event was handled.
     *
     * @param eventId its {@code ce_id}
     * @param type its {@code ce_type}, for operators reading the collection
     */
    public void remember(UUID eventId, String type) {
        try {
            mongo.insert(
                    new Document("_id", eventId.toString()).append("type", type).append("processedAt", clock.instant()),
                    COLLECTION);
        } catch (DuplicateKeyException alreadyRemembered) {
            // a redelivery handled concurrently; one record is enough
        }
    }
}
