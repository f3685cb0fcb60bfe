package org.credstack.demo;

import java.time.Instant;
import java.util.List;
import org.credstack.demo.JourneyReport.Enrollment;
import org.credstack.demo.JourneyReport.IssuedCredential;
import org.credstack.demo.JourneyReport.Learner;

/**
 * What the {@link Lifecycle} part of the journey saw: one learner earns a stack, renews a credential, and has another
 * one revoked (docs/lifecycle/stacks.md, renewal.md, revocation.md).
 *
 * @param learner who
 * @param stack the pathway earned from its components
 * @param renewal the short credential earned and renewed
 * @param revocation the credential its provider revoked
 */
public record LifecycleReport(Learner learner, StackAward stack, Renewal renewal, Revocation revocation) {

    /**
     * Whether each part went as it should: the stack refused for enrollment and awarded once with a CLR both verifiers
     * accept; the renewed credential issued and both credentials {@code verified}; the revoked one {@code revoked} by
     * both verifiers. An independent verifier that could not run (no {@code node}) does not count against it.
     */
    public boolean asExpected() {
        return stack.asExpected() && renewal.asExpected() && revocation.asExpected();
    }

    /**
     * A stack (a pathway of the sample catalog) earned from its components.
     *
     * @param stackCredentialId the stack's catalog id
     * @param title the stack's title
     * @param stackEnrollment what enrollment-service answered when the learner tried to enroll in the stack itself
     * @param components the enrollments in its component credentials
     * @param componentCredentials the credential issued for each component enrollment
     * @param stackCredentials every credential of the stack badge-service lists for the learner (one when right)
     * @param progress the learner's progress toward it ({@code GET /api/v1/learners/{id}/stacks}): {@code complete}, or
     *     what is left
     * @param clrStatus our verification of the stack's CLR 2.0 {@code ClrCredential} ({@code POST /api/v1/verify})
     * @param clrIndependent the DigitalBazaar verifier's verdict on the same CLR
     */
    public record StackAward(
            String stackCredentialId,
            String title,
            Refusal stackEnrollment,
            List<Enrollment> components,
            List<IssuedCredential> componentCredentials,
            List<IssuedCredential> stackCredentials,
            String progress,
            String clrStatus,
            Independent clrIndependent) {

        public boolean asExpected() {
            return stackEnrollment.status() == 409
                    && componentCredentials.size() == components.size()
                    && stackCredentials.size() == 1
                    && stackCredentials.getFirst().verified()
                    && "verified".equals(clrStatus)
                    && clrIndependent.acceptedOrNotRun();
        }
    }

    /**
     * A refused request, as its RFC 9457 problem says.
     *
     * @param status the HTTP status
     * @param type the problem {@code type}, e.g. {@code urn:credstack:problem:stack-not-enrollable}
     * @param detail the problem {@code detail}
     */
    public record Refusal(int status, String type, String detail) {}

    /**
     * A renewal: the learner earns a credential whose renewal window is open, renews it, and gets a new one.
     *
     * @param earned the enrollment that earned the first credential (its credential's validity period included)
     * @param renewalWindow the credential's renewal window, e.g. {@code P60D}
     * @param original the first credential, verified after the renewal
     * @param renewalEnrollment the renewal enrollment ({@code kind = RENEWAL})
     * @param renewalStatus the renewal enrollment's status once the new credential was issued, e.g. {@code COMPLETED}
     * @param renewed the new credential ({@code renewalOf} = the original's public URL), or {@code null} when none was
     *     issued in time
     */
    public record Renewal(
            Enrollment earned,
            String renewalWindow,
            IssuedCredential original,
            Enrollment renewalEnrollment,
            String renewalStatus,
            IssuedCredential renewed) {

        public boolean asExpected() {
            return renewed != null
                    && original.publicUrl().equals(renewed.renewalOf())
                    && original.verified()
                    && renewed.verified();
        }
    }

    /**
     * A credential its provider revoked, and what both verifiers say of it afterwards.
     *
     * @param credential the revoked credential
     * @param providerId the provider that revoked it
     * @param providerName its name in the catalog
     * @param reason the reason sent
     * @param revokedAt when badge-service recorded the revocation
     * @param status our overall verification status ({@code GET <publicUrl>/verification}), {@code revoked} when right
     * @param proofStatus our proof check, {@code valid} when right
     * @param statusReason the reason our verification reports
     * @param independent the DigitalBazaar verifier's verdict, given the provider's status list credential
     */
    public record Revocation(
            IssuedCredential credential,
            String providerId,
            String providerName,
            String reason,
            Instant revokedAt,
            String status,
            String proofStatus,
            String statusReason,
            Independent independent) {

        public boolean asExpected() {
            return "revoked".equals(status)
                    && "valid".equals(proofStatus)
                    && reason.equals(statusReason)
                    && (!independent.checked() || independent.revoked());
        }
    }

    /**
     * The DigitalBazaar verifier's verdict ({@code tools/ob-verifier}).
     *
     * @param checked whether it ran; false where {@code node} is missing or its packages cannot be installed
     * @param verified whether it accepted the proof, the validity period and the status list credential
     * @param revoked whether it found the credential's revocation bit set
     * @param output what it printed, or why it did not run
     */
    public record Independent(boolean checked, boolean verified, boolean revoked, String output) {

        static Independent notRun(String why) {
            return new Independent(false, false, false, why);
        }

        boolean acceptedOrNotRun() {
            return !checked || (verified && !revoked);
        }

        /**
         * {@code verified}, {@code not verified}, {@code revoked (proof verified)}, {@code revoked (not verified)} or
         * {@code not run (<why>)}.
         */
        public String summary() {
            if (!checked) {
                return "not run (" + output + ")";
            }
            if (revoked) {
                return "revoked (" + (verified ? "proof verified" : "not verified") + ")";
            }
            return verified ? "verified" : "not verified";
        }
    }
}
