package org.credstack.badge.issuing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.EnrollmentCompleted;

/**
 * What {@link BadgeIssuing#issue(Issuance)} turns into a signed credential: the same for an enrollment's credential
 * and for a stack's.
 *
 * @param awardKey the business key under the unique index: the enrollment id, or {@code stack|<learnerId>|<stack
 *     credential id>} for a stack; carried as {@code BadgeIssued.enrollmentId}
 * @param learnerId the learner; the record key of {@code BadgeIssued}
 * @param credential the catalog version awarded
 * @param validFrom business time the award was earned, UTC; also {@code awardedDate}
 * @param recipientEmail the learner's e-mail, hashed into the recipient identifier
 * @param recipientName the learner's display name
 * @param renewalOf the badge a renewal renews, or {@code null}
 * @param narrative the criteria narrative; {@code null} for the one made from the credential's assignments
 * @param components for a stack, the component badges that earned it; empty otherwise
 */
public record Issuance(
        String awardKey,
        String learnerId,
        CredentialSnapshot credential,
        Instant validFrom,
        String recipientEmail,
        String recipientName,
        String renewalOf,
        String narrative,
        List<HeldCredential> components) {

    public Issuance {
        Objects.requireNonNull(awardKey, "awardKey");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(validFrom, "validFrom");
        components = components == null ? List.of() : List.copyOf(components);
    }

    static Issuance of(EnrollmentCompleted completed, CredentialSnapshot credential) {
        return new Issuance(
                completed.enrollmentId(),
                completed.learnerId(),
                credential,
                completed.occurredAt(),
                completed.recipientEmail(),
                completed.recipientName(),
                completed.renewalOf(),
                null,
                List.of());
    }

    /**
     * A stack's credential for a learner.
     *
     * @param stack the stack's catalog version ({@code kind = STACK})
     * @param validFrom the business time of the last qualifying component
     * @param narrative the criteria narrative naming the components
     * @param components the component badges that earned it, at least one
     * @throws IllegalArgumentException if there are no components or one belongs to another learner
     */
    public static Issuance ofStack(
            String learnerId,
            CredentialSnapshot stack,
            Instant validFrom,
            String recipientEmail,
            String recipientName,
            String narrative,
            List<HeldCredential> components) {
        if (components.isEmpty()
                || components.stream().anyMatch(c -> !c.learnerId().equals(learnerId))) {
            throw new IllegalArgumentException(
                    "stack " + stack.id() + " for " + learnerId + " needs components held by that learner");
        }
        return new Issuance(
                Badge.stackKey(learnerId, stack.id()),
                learnerId,
                stack,
                validFrom,
                recipientEmail,
                recipientName,
                null,
                narrative,
                components);
    }
}
