package org.credstack.enrollment.migration;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

    /**
     * The usual migration: stores a field derived from others on each document of a collection that lacks it. Reads
     * the whole collection first (only {@code _id}, {@code version} and the fields named), then updates each document
     * by {@code _id}, so the cursor never meets a document it changed.
     *
     * @param collection the collection, e.g. {@code learners}
     * @param field the field to store, e.g. {@code foldedKeys}; a document that has it is left alone
     * @param derive its value, from the document as read; {@code null} leaves the document alone
     * @param versioned whether to update a document only while its {@code version} is still the one read: for fields
     *     derived from mutable ones, where a document saved meanwhile already has the field. Without it, the field
     *     must derive from immutable ones, so that writing it twice does no harm.
     * @param reads the fields {@code derive} reads
     * @return how many documents got the field
     */
    public int storeDerived(
            String collection, String field, Function<Document, Object> derive, boolean versioned, String... reads) {
        Query all = new Query();
        all.fields().include(reads).include(field, "version");
        List<Document> lacking;
        try (var documents = mongo.stream(all, Document.class, collection)) {
            lacking = documents.filter(d -> d.get(field) == null).toList();
        }
        int stored = 0;
        for (Document document : lacking) {
            Object value = derive.apply(document);
            if (value == null) {
                continue;
            }
            Criteria same = Criteria.where("_id").is(document.get("_id"));
            if (versioned) {
                same.and("version").is(document.get("version"));
            }
            stored += (int) mongo.updateFirst(Query.query(same), Update.update(field, value), collection)
                    .getModifiedCount();
        }
        return stored;
    }

    /** Whether the migration's marker is stored. */
    public boolean done(String name) {
        return mongo.findById(name, Document.class, COLLECTION) != null;
    }
}
