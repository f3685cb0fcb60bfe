package org.credstack.enrollment.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.enrollment.Credentials.tracked;
import static org.credstack.events.Topic.ENROLLMENT_EVENTS_V1;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.credstack.enrollment.ServiceIT;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A learner stored before folded keys existed is found in another case once the start-up backfill has run. */
class FoldedKeysBackfillIT extends ServiceIT {

    @Autowired
    FoldedKeysBackfill backfill;

    @Autowired
    Learners learners;

    @Test
    void aLearnerRegisteredBeforeFoldedKeysIsMatchedInAnotherCaseAfterTheBackfill() {
        String email = unique("jane.doe") + "@example.org";
        String id = UUID.randomUUID().toString();
        // the document as the service stored it before this change: no foldedKeys (and no pendingEvents, so it is
        // written past the template's callbacks, as an old release left it)
        mongo.getCollection(Learners.COLLECTION)
                .insertOne(new Document("_id", id)
                        .append("displayName", "Jane Doe")
                        .append("emails", List.of(email))
                        .append("accounts", List.of())
                        .append("identifierKeys", List.copyOf(IdentifierKeys.ofEmail(email)))
                        .append("registeredAt", java.util.Date.from(T0))
                        .append("version", 0L));
        String shouted = IdentifierKeys.mbox("mailto:" + email.toUpperCase());
        assertThat(learners.match(shouted)).isInstanceOf(ActorMatch.NotFound.class);

        int stored = backfill.backfill();

        assertThat(stored).isGreaterThanOrEqualTo(1);
        assertThat(mongo.findById(id, Document.class, Learners.COLLECTION).getList("foldedKeys", String.class))
                .containsExactly(IdentifierKeys.foldedOfEmail(email));
        assertThat(learners.match(shouted)).isEqualTo(new ActorMatch.Found(learners.profile(id)));
        assertThat(backfill.backfill()).as("idempotent").isZero();

        CredentialSnapshot credential =
                published(snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("lab"), "Completed", null)));
        api.post("/api/v1/learners/" + id + "/enrollments", "{\"credentialId\": \"" + credential.id() + "\"}");
        api.post(
                "/xapi/statements",
                """
                {"actor": {"mbox": "mailto:%s"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                 "object": {"id": "%s"}}""".formatted(
                        email.toUpperCase(), credential.assignments().getFirst().activityId()),
                Map.of("X-Experience-API-Version", "2.0.0"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, id, EnrollmentCompleted.class))
                        .hasSize(1));
    }
}
