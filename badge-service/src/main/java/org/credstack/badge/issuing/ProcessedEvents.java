package org.credstack.badge.issuing;

import java.time.Clock;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code ce_id}s of the enrollment events this service has handled, in the collection {@code
 * processedEvents} ({@code { "_id": "<ce_id>", "type": "<ce_type>", "processedAt": ISODate }}); the
 * {@code _id} makes remembering an id twice harmless.
 */
@Component
class ProcessedEvents {

    static final String COLLECTION = "processedEvents";

    private final MongoTemplate mongo;
    private final Clock clock;

    ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    boolean contains(UUID eventId) {
        return mongo.findById(eventId.toString(), Document.class, COLLECTION) != null;
    }

    void remember(UUID eventId, String type) {
        try {
            mongo.insert(
                    new Document("_id", eventId.toString()).append("type", type).append("processedAt", clock.instant()),
                    COLLECTION);
        } catch (DuplicateKeyException alreadyRemembered) {
            // a redelivery handled concurrently; one record is enough
        }
    }
}
