package org.credstack.enrollment.migration;

import java.time.Clock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs a data migration once per database: each done migration leaves a marker in {@value #COLLECTION} ({@code _id}
 * = the migration's name, {@code doneAt}), read by {@code _id} at every start. A migration may read a whole
 * collection, so it runs at start-up only, before the service takes requests or events (from a bean's
 * initialisation); it must be idempotent, since two instances starting together may both run it.
 */
@Service
public class OneTimeMigrations {

    static final String COLLECTION = "migrations";

    private static final Logger log = LoggerFactory.getLogger(OneTimeMigrations.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    OneTimeMigrations(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Runs the migration unless its marker is stored, then stores the marker.
     *
     * @param name the migration's stable name, e.g. {@code learners.foldedKeys}
     * @param migration the idempotent work; returns how many documents it changed
     * @return whether it ran
     */
    public boolean runOnce(String name, java.util.function.IntSupplier migration) {
        if (done(name)) {
            return false;
        }
        int changed = migration.getAsInt();
        try {
            mongo.insert(new Document("_id", name).append("doneAt", clock.instant()), COLLECTION);
        } catch (DuplicateKeyException anotherInstanceFinishedFirst) {
            log.debug("migration {} was marked done by another instance", name);
        }
        log.info("migration {} done: {} documents changed", name, changed);
        return true;
    }

    /** Whether the migration's marker is stored. */
    public boolean done(String name) {
        return mongo.findById(name, Document.class, COLLECTION) != null;
    }
}
