package org.credstack.enrollment.catalog;

import org.credstack.enrollment.migration.OneTimeMigrations;
import org.credstack.events.catalog.CredentialSnapshot;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills {@value CatalogReplica#ACTIVITIES} from the credentials replicated before it existed, so the cross-provider
 * check of partners' statements (docs/partner-keys.md) knows their activities. Runs once per database ({@link
 * OneTimeMigrations}, {@value #NAME}) at start-up; idempotent (adding a provider to a set).
 */
@Component
class ActivityProvidersBackfill implements InitializingBean {

    static final String NAME = "credentials.activityProviders";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final CatalogReplica replica;
    private final OneTimeMigrations migrations;

    ActivityProvidersBackfill(
            MongoTemplate mongo, JsonMapper json, CatalogReplica replica, OneTimeMigrations migrations) {
        this.mongo = mongo;
        this.json = json;
        this.replica = replica;
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        migrations.runOnce(NAME, this::backfill);
    }

    /** @return how many credentials were read */
    int backfill() {
        var credentials = mongo.find(new Query(), ReplicatedCredential.class);
        credentials.forEach(c -> replica.recordActivities(json.readValue(c.snapshot(), CredentialSnapshot.class)));
        return credentials.size();
    }
}
