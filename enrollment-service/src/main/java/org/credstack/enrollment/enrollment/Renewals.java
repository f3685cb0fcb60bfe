package org.credstack.enrollment.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credstack.enrollment.catalog.CatalogReplica;
import org.credstack.enrollment.enrollment.RenewalRefused.AlreadyRenewed;
import org.credstack.enrollment.enrollment.RenewalRefused.CredentialRevoked;
import org.credstack.enrollment.enrollment.RenewalRefused.HeldCredentialNotFound;
import org.credstack.enrollment.enrollment.RenewalRefused.NotRenewable;
import org.credstack.enrollment.enrollment.RenewalRefused.RenewalInProgress;
import org.credstack.enrollment.enrollment.RenewalRefused.RenewalWindowClosed;
import org.credstack.enrollment.held.HeldCredential;
import org.credstack.enrollment.held.HeldCredentials;
import org.credstack.enrollment.learner.LearnerProfile;
import org.credstack.enrollment.learner.Learners;
import org.credstack.events.catalog.CredentialSnapshot;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Starting the renewal of a credential a learner holds (docs/lifecycle/renewal.md): checks that the badge may be
 * renewed now and creates a renewal enrollment ({@code kind = RENEWAL}, {@code renewalOf} = the badge id) in the
 * credential's latest published version, whose assignments are its renewal policy's requirements.
 *
 * <p>A badge may be renewed when the learner holds it (per {@link HeldCredentials}), it is not revoked, not renewed
 * yet and has no renewal under way, its credential is still published with a renewal policy, it has a
 * {@code validUntil}, and now is within its {@link RenewalWindow}. Each refusal is a {@link RenewalRefused} naming the
 * fact, and nothing is stored. The e-mail link and the API run the same checks.
 */
@Service
class Renewals {

    private final Learners learners;
    private final HeldCredentials held;
    private final CatalogReplica catalog;
    private final Enrollments enrollments;
    private final Clock clock;

    Renewals(Learners learners, HeldCredentials held, CatalogReplica catalog, Enrollments enrollments, Clock clock) {
        this.learners = learners;
        this.held = held;
        this.catalog = catalog;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    /**
     * What renewing a badge would take, checked as {@link #start} checks it.
     *
     * @param badge the badge as held
     * @param credential the credential's latest published snapshot
     * @param window when the badge may be renewed
     * @param requirements what the renewal enrollment's assignments are; empty: renewal by attestation
     */
    record Plan(
            HeldCredential badge,
            CredentialSnapshot credential,
            RenewalWindow window,
            List<CredentialSnapshot.Assignment> requirements) {

        boolean byAttestation() {
            return requirements.isEmpty();
        }
    }

    /**
     * Checks that a learner may renew a badge now.
     *
     * @throws org.credstack.enrollment.learner.LearnerNotFound for an unknown learner
     * @throws RenewalRefused why not, naming the window's dates when outside it
     * @throws CredentialNotFound, CredentialNotOpen when the credential is unknown or retired
     */
    Plan plan(String learnerId, String badgeId) {
        learners.profile(learnerId);
        HeldCredential badge = held.find(badgeId)
                .filter(b -> b.learnerId().equals(learnerId))
                .orElseThrow(() -> new HeldCredentialNotFound(learnerId, badgeId));
        if (badge.revoked()) {
            throw new CredentialRevoked(badgeId);
        }
        if (badge.renewedBy() != null) {
            throw new AlreadyRenewed(badgeId, badge.renewedBy());
        }
        CredentialSnapshot credential =
                catalog.find(badge.credentialId()).orElseThrow(() -> new CredentialNotFound(badge.credentialId()));
        if (!"PUBLISHED".equals(credential.status())) {
            throw new CredentialNotOpen(credential.id(), credential.status());
        }
        if (credential.renewalPolicy() == null) {
            throw new NotRenewable(badgeId, "its credential " + credential.id() + " has no renewal policy");
        }
        if (badge.validUntil() == null) {
            throw new NotRenewable(badgeId, "it never expires");
        }
        Optional<Enrollment> renewal = enrollments.holding(Enrollment.renewalKey(badgeId));
        if (renewal.isPresent()) {
            throw renewal.get().status() == Status.COMPLETED
                    ? new AlreadyRenewed(badgeId, null)
                    : new RenewalInProgress(badgeId, renewal.get().id());
        }
        RenewalWindow window = RenewalWindow.of(
                badge.validFrom(),
                badge.validUntil(),
                credential.renewalPolicy(),
                credential.provider() == null ? null : credential.provider().timeZone());
        Instant now = clock.instant();
        if (!window.contains(now)) {
            throw new RenewalWindowClosed(badgeId, window, now);
        }
        return new Plan(badge, credential, window, credential.renewalPolicy().requirements());
    }

    /**
     * Starts the renewal of a badge; with {@code attest}, a renewal by attestation completes at once (the learner
     * confirmed it in the same request). One write stores the enrollment with its {@code LearnerEnrolled} (and
     * {@code EnrollmentCompleted}).
     *
     * @throws RenewalRefused see {@link #plan}; {@code RenewalInProgress} also when a concurrent request won
     * @throws InvalidEnrollmentRequest when {@code attest} is asked of a renewal that has requirements
     */
    Enrollment start(String learnerId, String badgeId, boolean attest) {
        Plan plan = plan(learnerId, badgeId);
        if (attest && !plan.byAttestation()) {
            throw new InvalidEnrollmentRequest(
                    "attest",
                    "renewing " + badgeId + " takes " + plan.requirements().size()
                            + " assignment(s); it is not renewed by attestation");
        }
        LearnerProfile learner = learners.profile(learnerId);
        Instant now = clock.instant();
        Enrollment renewal = Enrollment.renew(UUID.randomUUID().toString(), learnerId, plan.credential(), badgeId, now);
        if (attest) {
            renewal.attest(now, Enrollments.recipient(learner));
        }
        try {
            return enrollments.start(renewal, learner);
        } catch (DuplicateKeyException concurrentStart) {
            String winner = enrollments
                    .holding(Enrollment.renewalKey(badgeId))
                    .map(Enrollment::id)
                    .orElseThrow(() -> concurrentStart);
            throw new RenewalInProgress(badgeId, winner);
        }
    }

    /** @see Enrollments#attest */
    Enrollment attest(String learnerId, String enrollmentId) {
        return enrollments.attest(learnerId, enrollmentId);
    }
}
