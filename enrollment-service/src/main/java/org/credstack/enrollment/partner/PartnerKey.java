package org.credstack.enrollment.partner;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner key: the HTTP Basic user name and secret a partner's system (LMS, LRS) sends to {@code /xapi/**}, one
 * document per key in {@value PartnerKeys#COLLECTION}, read by {@code _id} (docs/partner-keys.md). The secret itself
 * is never stored: only its hash by Spring Security's {@code DelegatingPasswordEncoder} ({@code {bcrypt}$2a$...}).
 *
 * @param id the key id, {@code pk-} and 32 hex digits; the Basic user name
 * @param providerId the one provider the key reports for
 * @param label what the provider calls it ("Moodle production"), may be {@code null}
 * @param secretHash the encoded hash of the current secret
 * @param previousSecretHash after a rotation, the encoded hash of the secret before it; {@code null} otherwise
 * @param previousValidUntil until when (UTC, exclusive) the previous secret is still accepted
 * @param createdAt when the key was created, UTC
 * @param rotatedAt when its secret was last rotated, UTC, or {@code null}
 * @param lastUsedAt when it last authenticated a request, UTC, to the minute ({@link PartnerKeys}), or {@code null}
 * @param revokedAt when it was revoked, UTC; a revoked key authenticates nothing
 */
@Document(PartnerKeys.COLLECTION)
record PartnerKey(
        @Id String id,
        String providerId,
        String label,
        String secretHash,
        String previousSecretHash,
        Instant previousValidUntil,
        Instant createdAt,
        Instant rotatedAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    boolean revoked() {
        return revokedAt != null;
    }

    /** The secret hashes accepted at {@code now}: the current one, and the previous one during its overlap. */
    java.util.List<String> acceptedHashes(Instant now) {
        if (previousSecretHash != null && previousValidUntil != null && now.isBefore(previousValidUntil)) {
            return java.util.List.of(secretHash, previousSecretHash);
        }
        return java.util.List.of(secretHash);
    }

    PartnerKey rotated(String newHash, Instant now, Instant previousUntil) {
        return new PartnerKey(
                id, providerId, label, newHash, secretHash, previousUntil, createdAt, now, lastUsedAt, revokedAt);
    }

    PartnerKey revokedAt(Instant now) {
        return new PartnerKey(
                id,
                providerId,
                label,
                secretHash,
                previousSecretHash,
                previousValidUntil,
                createdAt,
                rotatedAt,
                lastUsedAt,
                now);
    }
}
