package org.credstack.badge.issuing;

import java.time.Instant;
import java.util.List;

/**
 * A badge as the features outside issuing read it: who holds which credential, from when to when, and whether
 * it was revoked.
 *
 * @param id the credential's uuid, the last segment of {@code publicUrl}
 * @param publicUrl the credential's {@code id}, {@code <base>/credentials/{uuid}}
 * @param learnerId the holder
 * @param credentialId the catalog credential it awards
 * @param validFrom start of validity (the business time it was earned), UTC
 * @param validUntil end of validity, UTC; {@code null} if it never expires
 * @param revokedAt when it was revoked, UTC; {@code null} unless revoked
 * @param recipientEmail the learner's e-mail it was issued to; {@code null} for badges issued before it was kept
 * @param recipientName the learner's display name; {@code null} as for {@code recipientEmail}
 * @param stackOf for a stack's credential, the ids of its component badges; empty otherwise
 * @param signedCredential the signed credential JSON, exactly as served
 */
public record HeldCredential(
        String id,
        String publicUrl,
        String learnerId,
        String credentialId,
        Instant validFrom,
        Instant validUntil,
        Instant revokedAt,
        String recipientEmail,
        String recipientName,
        List<String> stackOf,
        String signedCredential) {

    static HeldCredential of(Badge badge) {
        return new HeldCredential(
                badge.id(),
                badge.credentialUrl(),
                badge.learnerId(),
                badge.credentialId(),
                badge.validFrom(),
                badge.validUntil(),
                badge.revokedAt(),
                badge.recipientEmail(),
                badge.recipientName(),
                badge.stackOf(),
                badge.credential());
    }

    /** Whether it is in force at {@code now}: not revoked and not expired ({@code validUntil} after {@code now}). */
    public boolean inForceAt(Instant now) {
        return revokedAt == null && (validUntil == null || validUntil.isAfter(now));
    }
}
