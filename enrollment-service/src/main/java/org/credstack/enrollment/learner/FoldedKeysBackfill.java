package org.credstack.enrollment.learner;

import java.util.List;
import org.bson.Document;
import org.credstack.enrollment.migration.OneTimeMigrations;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores the folded keys of learners registered before they existed, so that the index on
 * {@value Learners#FOLDED_KEYS} finds them (docs/lifecycle/ingestion.md, "Learners stored before"). Runs once per
 * database ({@link OneTimeMigrations}, {@value #NAME}) at start-up, before requests and events are taken. Each learner
 * is updated only if its {@code version} is still the one read: a learner saved meanwhile already has its folded keys.
 */
@Component
class FoldedKeysBackfill implements InitializingBean {

    static final String NAME = "learners.foldedKeys";

    private final MongoTemplate mongo;
    private final OneTimeMigrations migrations;

    FoldedKeysBackfill(MongoTemplate mongo, OneTimeMigrations migrations) {
        this.mongo = mongo;
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        migrations.runOnce(NAME, this::backfill);
    }

    /** @return how many learners got their folded keys */
    int backfill() {
        Query all = new Query();
        all.fields().include("emails", "version", Learners.FOLDED_KEYS);
        List<Document> legacy;
        try (var learners = mongo.stream(all, Document.class, Learners.COLLECTION)) {
            // read first, then write, so the cursor never meets a document it changed
            legacy = learners.filter(l -> l.get(Learners.FOLDED_KEYS) == null).toList();
        }
        return legacy.stream().mapToInt(this::store).sum();
    }

    private int store(Document learner) {
        List<String> emails = learner.getList("emails", String.class, List.of());
        Query unchanged = Query.query(
                Criteria.where("_id").is(learner.get("_id")).and("version").is(learner.get("version")));
        Update folded = Update.update(Learners.FOLDED_KEYS, Learner.foldedKeys(emails));
        return (int) mongo.updateFirst(unchanged, folded, Learners.COLLECTION).getModifiedCount();
    }
}
