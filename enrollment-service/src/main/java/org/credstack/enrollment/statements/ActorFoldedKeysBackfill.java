package org.credstack.enrollment.statements;

import java.util.List;
import org.bson.Document;
import org.credstack.enrollment.learner.IdentifierKeys;
import org.credstack.enrollment.migration.OneTimeMigrations;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores {@code actorFoldedKey} on the statements and unmatched-inbox entries stored before it existed, so that a
 * learner's statements in another case, and those waiting for the learner, are found by index
 * (docs/lifecycle/ingestion.md, "Learners stored before"). Runs once per database at start-up ({@link
 * OneTimeMigrations}: {@value #STATEMENTS}, {@value #INBOX}); setting a value derived from the immutable
 * {@code actorKey} is idempotent and races with nothing.
 */
@Component
class ActorFoldedKeysBackfill implements InitializingBean {

    static final String STATEMENTS = "statements.actorFoldedKey";
    static final String INBOX = "unmatchedStatements.actorFoldedKey";

    private final MongoTemplate mongo;
    private final OneTimeMigrations migrations;

    ActorFoldedKeysBackfill(MongoTemplate mongo, OneTimeMigrations migrations) {
        this.mongo = mongo;
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        migrations.runOnce(STATEMENTS, () -> backfill(StatementLog.COLLECTION));
        migrations.runOnce(INBOX, () -> backfill(UnmatchedInbox.COLLECTION));
    }

    /** @return how many documents of the collection got their folded key */
    int backfill(String collection) {
        Query all = new Query();
        all.fields().include("actorKey", "actorFoldedKey");
        List<Document> legacy;
        try (var documents = mongo.stream(all, Document.class, collection)) {
            // read first, then write, so the cursor never meets a document it changed
            legacy = documents
                    .filter(d ->
                            d.get("actorFoldedKey") == null && IdentifierKeys.folded(d.getString("actorKey")) != null)
                    .toList();
        }
        return legacy.stream().mapToInt(d -> store(collection, d)).sum();
    }

    private int store(String collection, Document document) {
        Query byId = Query.query(Criteria.where("_id").is(document.get("_id")));
        Update folded = Update.update("actorFoldedKey", IdentifierKeys.folded(document.getString("actorKey")));
        return (int) mongo.updateFirst(byId, folded, collection).getModifiedCount();
    }
}
