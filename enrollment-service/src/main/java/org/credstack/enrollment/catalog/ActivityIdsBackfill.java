package org.credstack.enrollment.catalog;

import java.util.List;
import org.bson.Document;
import org.credstack.enrollment.migration.OneTimeMigrations;
import org.credstack.events.catalog.CredentialSnapshot;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores {@code providerId} and {@code activityIds} in replicated credentials written before those fields existed, so
 * that {@link CatalogReplica#providersOf} finds them. Runs once per database ({@link OneTimeMigrations}, {@value
 * #NAME}) at start-up. A document is updated only if its {@code eventId} is still the one read: a newer snapshot
 * stored meanwhile carries the fields already.
 */
@Component
class ActivityIdsBackfill implements InitializingBean {

    static final String NAME = "credentials.activityIds";

    private final MongoTemplate mongo;
    private final OneTimeMigrations migrations;
    private final JsonMapper json;

    ActivityIdsBackfill(MongoTemplate mongo, OneTimeMigrations migrations, JsonMapper json) {
        this.mongo = mongo;
        this.migrations = migrations;
        this.json = json;
    }

    @Override
    public void afterPropertiesSet() {
        migrations.runOnce(NAME, this::backfill);
    }

    /** @return how many credentials got the fields */
    int backfill() {
        Query all = new Query();
        all.fields().include("eventId", "snapshot", CatalogReplica.ACTIVITY_IDS);
        List<Document> legacy;
        try (var credentials = mongo.stream(all, Document.class, CatalogReplica.COLLECTION)) {
            legacy = credentials
                    .filter(c -> c.get(CatalogReplica.ACTIVITY_IDS) == null)
                    .toList();
        }
        return legacy.stream().mapToInt(this::store).sum();
    }

    private int store(Document credential) {
        CredentialSnapshot snapshot = json.readValue(credential.getString("snapshot"), CredentialSnapshot.class);
        Query unchanged = Query.query(
                Criteria.where("_id").is(credential.get("_id")).and("eventId").is(credential.get("eventId")));
        Update fields = new Update()
                .set(
                        CatalogReplica.PROVIDER_ID,
                        snapshot.provider() == null ? null : snapshot.provider().id())
                .set(CatalogReplica.ACTIVITY_IDS, CatalogReplica.activityIds(snapshot));
        return (int)
                mongo.updateFirst(unchanged, fields, CatalogReplica.COLLECTION).getModifiedCount();
    }
}
