package org.credstack.enrollment.held;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One credential (badge) a learner holds, as badge-service announced it on {@code badge.events.v1}: a row of the
 * replica {@value HeldCredentials#COLLECTION}, keyed by the badge id.
 *
 * @param badgeId the issued credential's id (its public URL)
 * @param learnerId the learner holding it; indexed
 * @param enrollmentId the enrollment that earned it (its {@code credentialVersion} is the version held)
 * @param credentialId the catalog credential (the {@code Achievement})
 * @param achievementName the achievement's name as awarded
 * @param validFrom OB 3.0 {@code validFrom}, UTC; {@code null} until the issuance is known
 * @param validUntil OB 3.0 {@code validUntil}, UTC; {@code null} if it never expires
 * @param renewalOf the badge this one renews, or {@code null}
 * @param renewedBy the badge that renewed this one, or {@code null}
 * @param revoked whether badge-service revoked it
 */
@Document(HeldCredentials.COLLECTION)
public record HeldCredential(
        @Id String badgeId,
        String learnerId,
        String enrollmentId,
        String credentialId,
        String achievementName,
        Instant validFrom,
        Instant validUntil,
        String renewalOf,
        String renewedBy,
        boolean revoked) {

    /** Whether badge-service's issuance of it has arrived (a revocation or renewal may name a badge first). */
    public boolean issued() {
        return credentialId != null;
    }
}
