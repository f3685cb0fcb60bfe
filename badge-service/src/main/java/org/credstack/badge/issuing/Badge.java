package org.credstack.badge.issuing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.credstack.badge.status.StatusListEntry;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.badge.BadgeRevoked;
import org.credstack.runtime.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An issued, signed {@code OpenBadgeCredential} and the events it still has to publish; the aggregate of
 * the collection {@code badges}. One badge per enrollment: {@code enrollmentId} carries a unique index.
 *
 * <p>A badge may be revoked once ({@code revokedAt}, {@code revocationReason}); its credential names its entry in
 * the provider's revocation status list ({@code statusList}, {@code statusListIndex}), and {@code
 * statusListPending} is present, {@code true}, from the revocation until that entry is set (see
 * docs/lifecycle/revocation.md).
 *
 * <p>The signed credential is kept as the exact JSON text that was signed, so serving it never
 * re-serialises (and never risks changing) what the proof covers.
 *
 * <p>A stack's credential is a badge too (docs/lifecycle/stacks.md): its {@code enrollmentId} is the award's
 * business key {@code stack|<learnerId>|<stackCredentialId>} (see {@link #stackKey}), so the same unique index
 * keeps it to one per learner and stack, and {@code stackOf} names the component badges that earned it.
 * Fields added after the first release ({@code recipientEmail}, {@code recipientName}, {@code stackOf},
 * {@code revokedAt}) are {@code null} in older documents.
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
    private final Integer statusList;
    private final Integer statusListIndex;
    private Instant revokedAt;
    private String revocationReason;
    private Boolean statusListPending;
    private final String recipientEmail;
    private final String recipientName;
    private final List<String> stackOf;
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
            Integer statusList,
            Integer statusListIndex,
            Instant revokedAt,
            String revocationReason,
            Boolean statusListPending,
            String recipientEmail,
            String recipientName,
            List<String> stackOf,
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
        this.statusList = statusList;
        this.statusListIndex = statusListIndex;
        this.revokedAt = revokedAt;
        this.revocationReason = revocationReason;
        this.statusListPending = statusListPending;
        this.recipientEmail = recipientEmail;
        this.recipientName = recipientName;
        this.stackOf = stackOf == null || stackOf.isEmpty() ? null : List.copyOf(stackOf);
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
        this.version = version;
    }

    /**
     * A newly issued badge carrying its {@link BadgeIssued} event, to be saved in one write with it.
     *
     * @param signedCredential the signed credential JSON
     * @param issued the event announcing it; the badge takes its ids and validity from it
     * @param status the credential's entry in its provider's revocation list
     * @param stackOf for a stack's credential, the ids of the component badges that earned it; empty otherwise
     * @param pending {@code issued} captured in its envelope
     * @throws IllegalArgumentException if {@code validUntil} is not after {@code validFrom}
     */
    static Badge issue(
            String id,
            String providerId,
            int credentialVersion,
            String signedCredential,
            BadgeIssued issued,
            StatusListEntry status,
            List<String> stackOf,
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
                status.list(),
                status.index(),
                null,
                null,
                null,
                issued.recipientEmail(),
                issued.recipientName(),
                stackOf,
                List.of(pending),
                null);
    }

    /**
     * Revokes the badge for good, raising {@link BadgeRevoked} into its pending events and marking its status
     * list entry as still to be set ({@code statusListPending}), all to be saved in one write. Revoking a revoked
     * badge changes nothing and raises nothing, whatever the reason given.
     *
     * @param reason why, in words; not blank
     * @param now when, UTC
     * @param stage captures the event in its envelope ({@code Outbox.stage})
     * @return whether this call revoked it (false: it already was)
     * @throws IllegalArgumentException if the reason is blank
     */
    boolean revoke(String reason, Instant now, Function<BadgeRevoked, PendingEvent> stage) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a revocation needs a reason");
        }
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        revocationReason = reason;
        statusListPending = statusListIndex == null ? null : Boolean.TRUE;
        pendingEvents.add(stage.apply(new BadgeRevoked(credentialUrl, learnerId, reason, now)));
        return true;
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

    String providerId() {
        return providerId;
    }

    /** The list number of the credential's status entry; null for a badge issued before status lists. */
    Integer statusList() {
        return statusList;
    }

    /** The index of the credential's status entry; null for a badge issued before status lists. */
    Integer statusListIndex() {
        return statusListIndex;
    }

    /** The business key of a stack award: {@code stack|<learnerId>|<stackCredentialId>}. */
    static String stackKey(String learnerId, String stackCredentialId) {
        return "stack|" + learnerId + "|" + stackCredentialId;
    }

    String recipientEmail() {
        return recipientEmail;
    }

    String recipientName() {
        return recipientName;
    }

    /** The component badges of a stack's credential; empty for any other badge. */
    List<String> stackOf() {
        return stackOf == null ? List.of() : stackOf;
    }

    /** When it was revoked, UTC; null while it is not. */
    Instant revokedAt() {
        return revokedAt;
    }

    /** Why it was revoked; null while it is not. */
    String revocationReason() {
        return revocationReason;
    }

    /** Whether its status list entry still has to be set after a revocation. */
    boolean statusListPending() {
        return Boolean.TRUE.equals(statusListPending);
    }

    Long version() {
        return version;
    }

    /** The credential id (public URL) of the badge this one renews, or {@code null}. */
    String renewalOf() {
        return renewalOf;
    }

    List<PendingEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
