package org.credstack.badge.issuing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.credstack.badge.status.StatusLists;
import org.credstack.runtime.ConflictRetry;
import org.credstack.runtime.Outbox;
import org.credstack.runtime.audit.AuditLog;
import org.credstack.runtime.audit.AuditTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Revokes issued credentials (docs/lifecycle/revocation.md). One write of the badge records the revocation
 * ({@code revokedAt}, {@code revocationReason}), stages {@code BadgeRevoked} for {@code badge.events.v1} and marks
 * the status list entry as pending; then the outbox publishes the event and the entry is set in the provider's
 * status list, which is signed again. A crash after the write loses neither: the outbox sweep publishes the event,
 * and {@link #catchUp()} sets every entry still pending. Setting an entry twice changes nothing.
 */
@Service
public class BadgeRevocation {

    private static final Logger log = LoggerFactory.getLogger(BadgeRevocation.class);

    /** The longest reason accepted, in characters. */
    static final int MAX_REASON_LENGTH = 1000;
    /** How much of the reason the audit log keeps. */
    static final int AUDITED_REASON_LENGTH = 200;

    private final IssuedCredentials credentials;
    private final StatusLists statusLists;
    private final Outbox outbox;
    private final ConflictRetry conflictRetry;
    private final Clock clock;
    private final AuditLog auditLog;
    private final IssuingMetrics metrics;

    BadgeRevocation(
            IssuedCredentials credentials,
            StatusLists statusLists,
            Outbox outbox,
            ConflictRetry conflictRetry,
            Clock clock,
            AuditLog auditLog,
            IssuingMetrics metrics) {
        this.metrics = metrics;
        this.credentials = credentials;
        this.statusLists = statusLists;
        this.outbox = outbox;
        this.conflictRetry = conflictRetry;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /**
     * Revokes a provider's credential; revoking it again returns the first revocation and publishes nothing. The
     * revocation is recorded in the audit log ({@code badge.revoked}, target the credential's id, the first {@value
     * #AUDITED_REASON_LENGTH} characters of the reason) once saved; a repeated call records nothing.
     *
     * @param providerId the provider that issued it
     * @param badgeId the credential's uuid, the last segment of {@code <base>/credentials/{uuid}}
     * @param reason why, in words: not blank, at most {@value #MAX_REASON_LENGTH} characters
     * @return the badge as revoked
     * @throws InvalidRevocationException if the reason is missing, blank or too long (nothing is stored)
     * @throws CredentialNotFoundException if the provider issued no credential with that id
     */
    Badge revoke(String providerId, String badgeId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRevocationException("reason", "a revocation needs a reason");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidRevocationException(
                    "reason", "the reason is " + reason.length() + " characters, at most " + MAX_REASON_LENGTH);
        }
        AtomicBoolean changed = new AtomicBoolean();
        Badge revoked = conflictRetry.run(() -> {
            Badge badge = credentials
                    .find(badgeId)
                    .filter(b -> providerId.equals(b.providerId()))
                    .orElseThrow(() -> new CredentialNotFoundException(badgeId));
            if (badge.revoke(
                    reason.strip(),
                    clock.instant(),
                    event -> outbox.stage(List.of(event)).getFirst())) {
                credentials.save(badge);
                changed.set(true);
                log.info("revoked {} of provider {}: {}", badge.credentialUrl(), providerId, reason.strip());
            }
            return badge;
        });
        if (changed.get()) {
            metrics.revoked();
            auditLog.record(
                    "badge.revoked",
                    AuditTarget.ofProvider(providerId, revoked.credentialUrl()),
                    Map.of("reason", shortened(revoked.revocationReason())));
        }
        outbox.publish(Badge.COLLECTION, revoked.id());
        if (revoked.statusListPending()) {
            setStatus(revoked);
        }
        return revoked;
    }

    /**
     * Sets the status list entry of every revoked badge whose entry is still pending (left by a crash or a failed
     * signing): reads only those badges, through the sparse index {@code status_list_pending}.
     *
     * @return how many entries were set
     */
    @Scheduled(
            initialDelayString = "${credstack.badge.status-list-sweep-initial-delay:5s}",
            fixedDelayString = "${credstack.badge.status-list-sweep-interval:30s}")
    public int catchUp() {
        int set = 0;
        for (String id : credentials.withStatusListPending()) {
            Badge badge = credentials.find(id).orElse(null);
            if (badge != null && badge.statusListPending() && setStatus(badge)) {
                set++;
            }
        }
        return set;
    }

    private static String shortened(String reason) {
        return reason.length() <= AUDITED_REASON_LENGTH ? reason : reason.substring(0, AUDITED_REASON_LENGTH) + "…";
    }

    /** The public URL of the badge's status list; the badge must have an entry. */
    String statusListUrl(Badge badge) {
        return statusLists.url(badge.providerId(), badge.statusList());
    }

    private boolean setStatus(Badge badge) {
        try {
            statusLists.revoke(statusLists.entry(badge.providerId(), badge.statusList(), badge.statusListIndex()));
            credentials.statusListSet(badge.id());
            return true;
        } catch (RuntimeException e) {
            log.warn("status list entry of {} not set yet, the sweep retries: {}", badge.credentialUrl(), e.toString());
            return false;
        }
    }
}
