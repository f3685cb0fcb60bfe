package org.credstack.badge.issuing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.runtime.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An issued, signed {@code OpenBadgeCredential} and the events it still has to publish; the aggregate of
 * the collection {@code badges}. One badge per enrollment: {@code enrollmentId} carries a unique index.
 *
 * <p>The signed credential is kept as the exact JSON text that was signed, so serving it never
 * re-serialises (and never risks changing) what the proof covers.
 */
@Document(Badge.COLLECTION)
final class Badge {

    static final String COLLECTION = "badges";

    @Id
    private final String id;

    private final String credentialUrl;
    private final String enrollmentId;
    private final String learnerId;
    private final String credentialId;
    private final int credentialVersion;
    private final String providerId;
    private final String credential;
    private final Instant validFrom;
    private final Instant validUntil;
    private final Instant issuedAt;
    private final String renewalOf;
    private final List<PendingEvent> pendingEvents;

    @Version
    private final Long version;

    @PersistenceCreator
    Badge(
            String id,
            String credentialUrl,
            String enrollmentId,
            String learnerId,
            String credentialId,
            int credentialVersion,
            String providerId,
            String credential,
            Instant validFrom,
            Instant validUntil,
            Instant issuedAt,
            String renewalOf,
            List<PendingEvent> pendingEvents,
            Long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.credentialUrl = Objects.requireNonNull(credentialUrl, "credentialUrl");
        this.enrollmentId = Objects.requireNonNull(enrollmentId, "enrollmentId");
        this.learnerId = Objects.requireNonNull(learnerId, "learnerId");
        this.credentialId = Objects.requireNonNull(credentialId, "credentialId");
        this.credentialVersion = credentialVersion;
        this.providerId = providerId;
        this.credential = Objects.requireNonNull(credential, "credential");
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.validUntil = validUntil;
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.renewalOf = renewalOf;
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
        this.version = version;
    }

    /**
     * A newly issued badge carrying its {@link BadgeIssued} event, to be saved in one write with it.
     *
     * @param signedCredential the signed credential JSON
     * @param issued the event announcing it; the badge takes its ids and validity from it
     * @param pending {@code issued} captured in its envelope
     * @throws IllegalArgumentException if {@code validUntil} is not after {@code validFrom}
     */
    static Badge issue(
            String id,
            String providerId,
            int credentialVersion,
            String signedCredential,
            BadgeIssued issued,
            PendingEvent pending) {
        if (issued.validUntil() != null && !issued.validUntil().isAfter(issued.validFrom())) {
            throw new IllegalArgumentException(
                    "badge " + issued.badgeId() + ": validUntil " + issued.validUntil() + " is not after validFrom");
        }
        return new Badge(
                id,
                issued.badgeId(),
                issued.enrollmentId(),
                issued.learnerId(),
                issued.credentialId(),
                credentialVersion,
                providerId,
                signedCredential,
                issued.validFrom(),
                issued.validUntil(),
                issued.occurredAt(),
                issued.renewalOf(),
                List.of(pending),
                null);
    }

    String id() {
        return id;
    }

    String credentialUrl() {
        return credentialUrl;
    }

    String enrollmentId() {
        return enrollmentId;
    }

    String credential() {
        return credential;
    }

    String learnerId() {
        return learnerId;
    }

    String credentialId() {
        return credentialId;
    }

    Instant validFrom() {
        return validFrom;
    }

    Instant validUntil() {
        return validUntil;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    /** The credential id (public URL) of the badge this one renews, or {@code null}. */
    String renewalOf() {
        return renewalOf;
    }

    List<PendingEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
