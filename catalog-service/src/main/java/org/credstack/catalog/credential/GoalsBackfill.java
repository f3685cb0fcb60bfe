package org.credstack.catalog.credential;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores the goal keys ({@link StoredCredentials#GOALS}) of credentials saved before they existed, so that the
 * {@code goal} filter finds them. Runs at start-up, before requests are taken; it reads the credentials without the
 * field (a whole-collection read, once per start, which finds nothing once every credential has been saved since).
 * Each is updated only while it still lacks the field: a credential saved meanwhile has its goals already.
 */
@Component
class GoalsBackfill implements InitializingBean {

    private final MongoTemplate mongo;

    GoalsBackfill(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        backfill();
    }

    /** @return how many credentials got their goal keys */
    int backfill() {
        Query lacking = Query.query(lacksGoals());
        // read first, then write, so the cursor never meets a document it changed
        List<Credential> legacy = mongo.find(lacking, Credential.class);
        int stored = 0;
        for (Credential credential : legacy) {
            Query stillLacking =
                    Query.query(Criteria.where("_id").is(credential.id())).addCriteria(lacksGoals());
            Update goals = Update.update(StoredCredentials.GOALS, SearchFields.goalKeys(credential.content()));
            stored += (int) mongo.updateFirst(stillLacking, goals, Credential.COLLECTION)
                    .getModifiedCount();
        }
        return stored;
    }

    private static Criteria lacksGoals() {
        return Criteria.where("search")
                .exists(true)
                .and(StoredCredentials.GOALS)
                .exists(false);
    }
}
