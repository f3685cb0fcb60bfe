package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Credentials stored before goals existed get their goal keys at start, so the goal filter finds them. */
class GoalsBackfillIT extends CredentialIntegrationTest {

    @Autowired
    GoalsBackfill backfill;

    @Test
    void storesTheGoalKeysOfCredentialsSavedWithoutThem() {
        String code = "OLD-" + UUID.randomUUID().toString().substring(0, 8);
        String provider = newProvider("Backfill Academy");
        CredentialDraft micro = TestDrafts.micro("Stored before goals", provider);
        String id = published(new CredentialDraft(
                micro.title(),
                micro.description(),
                micro.kind(),
                micro.category(),
                provider,
                null,
                micro.skills(),
                List.of(new Alignment("SFIA", null, code, null, "Old skill")),
                micro.deliveryModes(),
                null,
                micro.estimatedDuration(),
                micro.cost(),
                micro.assignments(),
                null,
                micro.validityPeriod(),
                null,
                null,
                null));
        mongo.getCollection(CREDENTIALS).updateOne(Filters.eq("_id", id), Updates.unset("search.goals"));
        long versionBefore = version(id);

        assertThat(get("/api/v1/credentials?goal=SFIA:" + code).body().get("items"))
                .as("not found without its goal keys")
                .isEmpty();
        int stored = backfill.backfill();

        assertThat(stored).isEqualTo(1);
        assertThat(get("/api/v1/credentials?goal=SFIA:" + code).body().get("items"))
                .hasSize(1);
        assertThat(version(id)).as("no write conflict for the aggregate").isEqualTo(versionBefore);
        assertThat(backfill.backfill()).as("nothing left to do").isZero();
    }

    private long version(String id) {
        Document stored =
                mongo.getCollection(CREDENTIALS).find(Filters.eq("_id", id)).first();
        return ((Number) stored.get("version")).longValue();
    }
}
