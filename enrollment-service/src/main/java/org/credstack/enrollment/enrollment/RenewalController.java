package org.credstack.enrollment.enrollment;

import java.net.URI;
import org.credstack.enrollment.enrollment.EnrollmentController.EnrollmentView;
import org.credstack.runtime.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renewing a credential a learner holds (docs/lifecycle/renewal.md).
 *
 * <ul>
 *   <li>{@code POST /api/v1/learners/{learnerId}/renewals} {@code {"badgeId", "attest"?}} → 201 with the renewal
 *       enrollment ({@code kind = RENEWAL}, {@code renewalOf}, its assignments the renewal policy's requirements),
 *       {@code Location} {@code /api/v1/learners/{learnerId}/enrollments/{id}}. With {@code "attest": true} a renewal
 *       without requirements completes at once.
 *   <li>{@code POST /api/v1/learners/{learnerId}/renewals/{enrollmentId}/attestation} → 200: the learner confirms a
 *       renewal without requirements, which completes it (again: no change).
 * </ul>
 *
 * Assignments of a renewal are completed as any other's: xAPI statements, partner records, the learner's or provider's
 * report. Errors (problem+json naming the field): 400 {@code badgeId} missing, 400 {@code attest} for a renewal with
 * requirements; 404 {@code learnerId}, 404 {@code badgeId} when the learner holds no such badge; 409 {@code badgeId}
 * outside the renewal window (naming its dates: {@code renewal-window-closed}), revoked ({@code credential-revoked}),
 * not renewable ({@code not-renewable}: no renewal policy or no expiry), {@code already-renewed},
 * {@code renewal-in-progress}; 409 {@code credentialId} when the credential is retired; 409 {@code enrollmentId} when
 * attesting a renewal that has requirements; 403 for anyone but the learner ({@code sub == learnerId}) and operators.
 * Nothing is stored on a refusal.
 */
@RestController
class RenewalController {

    private final Renewals renewals;
    private final Access access;

    RenewalController(Renewals renewals, Access access) {
        this.renewals = renewals;
        this.access = access;
    }

    @PostMapping("/api/v1/learners/{learnerId}/renewals")
    ResponseEntity<EnrollmentView> start(@PathVariable String learnerId, @RequestBody RenewRequest body) {
        access.requireLearner(learnerId);
        if (body.badgeId() == null || body.badgeId().isBlank()) {
            throw new InvalidEnrollmentRequest("badgeId", "badgeId names the credential to renew");
        }
        Enrollment renewal = renewals.start(learnerId, body.badgeId(), Boolean.TRUE.equals(body.attest()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/learners/" + learnerId + "/enrollments/" + renewal.id()))
                .body(EnrollmentView.of(renewal));
    }

    @PostMapping("/api/v1/learners/{learnerId}/renewals/{enrollmentId}/attestation")
    EnrollmentView attest(@PathVariable String learnerId, @PathVariable String enrollmentId) {
        access.requireLearner(learnerId);
        return EnrollmentView.of(renewals.attest(learnerId, enrollmentId));
    }

    /**
     * @param badgeId the badge to renew (its id as issued, the credential's public URL)
     * @param attest for a renewal without requirements: the learner confirms it now, so it completes
     */
    record RenewRequest(String badgeId, Boolean attest) {}
}
