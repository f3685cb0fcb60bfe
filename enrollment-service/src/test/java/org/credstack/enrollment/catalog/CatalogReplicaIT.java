package org.credstack.enrollment.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.enrollment.Credentials.tracked;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.credstack.enrollment.ServiceIT;
import org.credstack.events.catalog.CredentialPublished;
import org.credstack.events.catalog.CredentialRetired;
import org.credstack.events.catalog.CredentialRevised;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.runtime.ProcessedEvents;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class CatalogReplicaIT extends ServiceIT {

    private static final Instant T = Instant.parse("2026-02-01T10:00:00Z");

    @Test
    void keepsTheLatestVersionWhenAnOlderOneArrivesLate() {
        String id = "cred-" + UUID.randomUUID();
        CredentialSnapshot v1 = snapshot(id, 1, "PUBLISHED", all(), tracked("a1", "Completed", null));
        CredentialSnapshot v2 = snapshot(id, 2, "PUBLISHED", all(), tracked("a1", "Passed", 0.8));

        broker.publish(new CredentialRevised(id, v2, T.plusSeconds(60)), T);
        UUID late = broker.publish(new CredentialPublished(id, v1, T), T);

        awaitProcessed(late);
        assertThat(replica.find(id)).contains(v2);
    }

    @Test
    void retiringTheSameVersionReplacesThePublishedSnapshotAndAReplayChangesNothing() {
        String id = "cred-" + UUID.randomUUID();
        CredentialSnapshot published = snapshot(id, 1, "PUBLISHED", all(), tracked("a1", "Completed", null));
        CredentialSnapshot retired = snapshot(id, 1, "RETIRED", all(), tracked("a1", "Completed", null));

        UUID publishedId = broker.publish(new CredentialPublished(id, published, T), T);
        broker.publish(new CredentialRetired(id, retired, T.plusSeconds(5)), T);
        broker.publish(new CredentialPublished(id, published, T), publishedId, T);
        UUID afterReplay = broker.publish(new CredentialPublished(id, published, T), T);

        awaitProcessed(afterReplay);
        assertThat(replica.find(id)).contains(retired);
        assertThat(mongo.count(
                        Query.query(Criteria.where("_id").is(publishedId.toString())), ProcessedEvents.COLLECTION))
                .isEqualTo(1);
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(
                        Query.query(Criteria.where("_id").is(eventId.toString())), ProcessedEvents.COLLECTION));
    }

    @Test
    void knowsTheProvidersOfEachActivityAndFillsThemInForCredentialsReplicatedBefore(
            @org.springframework.beans.factory.annotation.Autowired ActivityProvidersBackfill backfill) {
        String lab = unique("lab");
        CredentialSnapshot own =
                published(snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(lab, "Completed", null)));
        String activity = own.assignments().getFirst().activityId();
        CredentialSnapshot shared = published(org.credstack.enrollment.Credentials.byProvider(
                snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(lab, "Completed", null)), "provider-2"));

        assertThat(replica.providersOf(java.util.List.of(activity, "https://lms.example/unknown")))
                .containsExactly(java.util.Map.entry(activity, java.util.Set.of("provider-1", "provider-2")));

        mongo.remove(Query.query(Criteria.where("_id").is(activity)), CatalogReplica.ACTIVITIES);
        assertThat(replica.providersOf(java.util.List.of(activity))).isEmpty();
        assertThat(backfill.backfill()).isPositive();
        assertThat(replica.providersOf(java.util.List.of(activity)).get(activity))
                .containsExactlyInAnyOrder("provider-1", shared.provider().id());
    }

    @Test
    void aRenewalRequirementsActivityBelongsToTheCredentialsProvider() {
        String renewal = "https://lms.example/activities/" + unique("refresher");
        published(org.credstack.enrollment.Credentials.renewable(
                snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("quiz"), "Completed", null)),
                "P2Y",
                new CredentialSnapshot.RenewalPolicy(
                        null,
                        "refresh",
                        java.util.List.of(new CredentialSnapshot.Assignment(
                                "r", "Refresher", renewal, org.credstack.events.catalog.MoveOn.Completed, null)),
                        java.util.List.of(),
                        null)));

        assertThat(replica.providersOf(java.util.List.of(renewal)))
                .containsExactly(java.util.Map.entry(renewal, java.util.Set.of("provider-1")));
    }
}
