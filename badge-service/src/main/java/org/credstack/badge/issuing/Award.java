package org.credstack.badge.issuing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.credstack.badge.status.StatusListEntry;
import org.credstack.events.catalog.CredentialSnapshot;

/**
 * Everything an {@code OpenBadgeCredential} is built from.
 *
 * @param credentialUrl the credential's {@code id}, {@code <base>/credentials/{uuid}}
 * @param issuerId the issuer Profile's {@code id}, {@code <base>/issuers/{providerId}}
 * @param achievementId the Achievement's {@code id}
 * @param credential the catalog version the learner completed; its provider becomes the issuer
 * @param validFrom the business time of completion, UTC; also {@code awardedDate}
 * @param validUntil end of validity, UTC; {@code null} when the credential never expires
 * @param recipientEmail the learner's email, hashed into the recipient identifier
 * @param salt the salt of that hash
 * @param status the credential's entry in its provider's revocation status list
 * @param narrative the criteria narrative; {@code null} for the one made from the credential's assignments
 * @param components for a stack's credential, the component achievements it names; empty otherwise
 * @throws IllegalArgumentException if {@code validUntil} is not after {@code validFrom}
 */
record Award(
        String credentialUrl,
        String issuerId,
        String achievementId,
        CredentialSnapshot credential,
        Instant validFrom,
        Instant validUntil,
        String recipientEmail,
        String salt,
        StatusListEntry status,
        String narrative,
        List<ComponentAchievement> components) {

    /** An award of a single credential: criteria from its assignments, no components. */
    Award(
            String credentialUrl,
            String issuerId,
            String achievementId,
            CredentialSnapshot credential,
            Instant validFrom,
            Instant validUntil,
            String recipientEmail,
            String salt,
            StatusListEntry status) {
        this(
                credentialUrl,
                issuerId,
                achievementId,
                credential,
                validFrom,
                validUntil,
                recipientEmail,
                salt,
                status,
                null,
                null);
    }

    Award {
        components = components == null ? List.of() : List.copyOf(components);
        Objects.requireNonNull(credentialUrl, "credentialUrl");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(credential.provider(), "credential.provider");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(status, "status");
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil " + validUntil + " is not after validFrom " + validFrom);
        }
    }
}
