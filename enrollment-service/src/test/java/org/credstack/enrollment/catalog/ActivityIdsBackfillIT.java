package org.credstack.enrollment.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.enrollment.Credentials.tracked;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.credstack.enrollment.Credentials;
import org.credstack.enrollment.ServiceIT;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.RenewalPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which providers' credentials name an activity: kept with every replicated snapshot (assignments and renewal
 * requirements), and filled in once at start-up for snapshots replicated before.
 */
class ActivityIdsBackfillIT extends ServiceIT {

    @Autowired
    ActivityIdsBackfill backfill;

    @Test
    void aReplicatedSnapshotNamesItsProviderForItsAssignmentsAndRenewalRequirements() {
        String renewal = "https://lms.example/activities/" + unique("refresher");
        CredentialSnapshot credential = published(Credentials.renewable(
                snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("quiz"), "Completed", null)),
                "P2Y",
                new RenewalPolicy(
                        null,
                        "refresh",
                        List.of(new CredentialSnapshot.Assignment(
                                "r", "Refresher", renewal, org.credstack.events.catalog.MoveOn.Completed, null)),
                        List.of(),
                        null)));

        assertThat(replica.providersOf(credential.assignments().getFirst().activityId()))
                .containsExactly("provider-1");
        assertThat(replica.providersOf(renewal)).containsExactly("provider-1");
        assertThat(replica.providersOf("https://lms.example/activities/" + unique("nobodys")))
                .isEmpty();
    }

    @Test
    void aSnapshotReplicatedBeforeActivityIdsExistedGetsThemFromTheBackfill() {
        CredentialSnapshot snapshot =
                snapshot(unique("cred"), 3, "PUBLISHED", all(), tracked(unique("legacy"), "Completed", null));
        String activity = snapshot.assignments().getFirst().activityId();
        // the document as the replica stored it before this change: no providerId, no activityIds
        mongo.insert(
                new Document("_id", snapshot.id())
                        .append("credentialVersion", 3)
                        .append("status", "PUBLISHED")
                        .append("occurredAt", Date.from(T0))
                        .append("eventId", "e-1")
                        .append("snapshot", json.writeValueAsString(snapshot)),
                CatalogReplica.COLLECTION);
        assertThat(replica.providersOf(activity)).isEmpty();

        int stored = backfill.backfill();

        assertThat(stored).isGreaterThanOrEqualTo(1);
        assertThat(replica.providersOf(activity)).containsExactly("provider-1");
        assertThat(backfill.backfill()).as("idempotent").isZero();
    }
}
