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
 * Stores {@code matchKeys} on the unmatched-inbox entries held before it existed, so that the inbox's retries, which
 * read that index alone, find them. Runs once per database at start-up ({@link OneTimeMigrations}: {@value #NAME});
 * the keys derive from the immutable {@code actorKey} ({@link IdentifierKeys#folded} gives the folded one, whether or
 * not the entry has its {@code actorFoldedKey} yet), so it is idempotent and races with nothing.
 */
@Component
class InboxMatchKeysBackfill implements InitializingBean {

    static final String NAME = "unmatchedStatements.matchKeys";

    private final MongoTemplate mongo;
    private final OneTimeMigrations migrations;

    InboxMatchKeysBackfill(MongoTemplate mongo, OneTimeMigrations migrations) {
        this.mongo = mongo;
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        migrations.runOnce(NAME, this::backfill);
    }

    /** @return how many inbox entries got their match keys */
    int backfill() {
        Query all = new Query();
        all.fields().include("actorKey", UnmatchedInbox.MATCH_KEYS);
        List<Document> legacy;
        try (var entries = mongo.stream(all, Document.class, UnmatchedInbox.COLLECTION)) {
            // read first, then write, so the cursor never meets a document it changed
            legacy = entries.filter(d -> d.get(UnmatchedInbox.MATCH_KEYS) == null)
                    .toList();
        }
        return legacy.stream().mapToInt(this::store).sum();
    }

    private int store(Document entry) {
        String actorKey = entry.getString("actorKey");
        Query byId = Query.query(Criteria.where("_id").is(entry.get("_id")));
        Update keys = Update.update(
                UnmatchedInbox.MATCH_KEYS, UnmatchedStatement.matchKeysOf(actorKey, IdentifierKeys.folded(actorKey)));
        return (int) mongo.updateFirst(byId, keys, UnmatchedInbox.COLLECTION).getModifiedCount();
    }
}
