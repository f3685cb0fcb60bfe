package org.credstack.notification.badge;

import java.time.Instant;
import java.util.List;
import org.credstack.runtime.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An issued credential this service watches for expiry (collection {@value #COLLECTION}). A revocation or
 * renewal that arrives before the issuance leaves a closed record with only {@code _id}, {@code learnerId} and
 * {@code status}, so the late issuance schedules nothing. Its {@code pendingEvents} hold the {@code BadgeExpired}
 * until the outbox relay publishes it.
 *
 * @param id the credential id ({@code badgeId})
 * @param learnerId the learner
 * @param credentialId the catalog credential
 * @param validUntil when it expires, UTC; {@code null} if never
 * @param status see {@link BadgeStatus}
 * @param closedBy the renewing badge, or the revocation reason
 * @param closedAt when it left {@code ACTIVE}, UTC
 * @param pendingEvents events not yet published (mapped so that no save can drop them)
 * @param version the optimistic lock, incremented by every update
 */
@Document(TrackedBadge.COLLECTION)
@CompoundIndex(name = "expiring", def = "{'status': 1, 'validUntil': 1}")
record TrackedBadge(
        @Id String id,
        String learnerId,
        String credentialId,
        Instant validUntil,
        BadgeStatus status,
        String closedBy,
        Instant closedAt,
        List<PendingEvent> pendingEvents,
        @Version Long version) {

    static final String COLLECTION = "badges";

    /** A newly issued credential to watch. */
    static TrackedBadge active(String id, String learnerId, String credentialId, Instant validUntil) {
        return new TrackedBadge(
                id, learnerId, credentialId, validUntil, BadgeStatus.ACTIVE, null, null, List.of(), null);
    }
}
