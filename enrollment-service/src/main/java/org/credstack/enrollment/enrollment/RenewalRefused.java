package org.credstack.enrollment.enrollment;

import org.credstack.enrollment.problem.DomainException;

/**
 * Why a badge cannot be renewed now; each subclass names the fact, so the problem's {@code type} does
 * ({@code urn:credstack:problem:renewal-window-closed}, ...). Every refusal is about the request's {@code badgeId}.
 */
abstract class RenewalRefused extends DomainException {

    RenewalRefused(Reason reason, String message) {
        super(reason, "badgeId", message);
    }

    /** The learner holds no such badge (unknown, or someone else's). */
    static final class HeldCredentialNotFound extends RenewalRefused {
        HeldCredentialNotFound(String learnerId, String badgeId) {
            super(Reason.NOT_FOUND, "learner " + learnerId + " holds no credential " + badgeId);
        }
    }

    /** Today is outside the badge's renewal window. */
    static final class RenewalWindowClosed extends RenewalRefused {
        RenewalWindowClosed(String badgeId, RenewalWindow window, java.time.Instant now) {
            super(
                    Reason.CONFLICT,
                    "credential " + badgeId + " can be renewed " + window.describe() + "; it is now " + now);
        }
    }

    /** A revoked badge is not renewed. */
    static final class CredentialRevoked extends RenewalRefused {
        CredentialRevoked(String badgeId) {
            super(Reason.CONFLICT, "credential " + badgeId + " was revoked; a revoked credential is not renewed");
        }
    }

    /** The credential has no renewal policy, or the badge never expires. */
    static final class NotRenewable extends RenewalRefused {
        NotRenewable(String badgeId, String why) {
            super(Reason.CONFLICT, "credential " + badgeId + " cannot be renewed: " + why);
        }
    }

    /** The badge was renewed already (or its renewal has completed and the new badge is on its way). */
    static final class AlreadyRenewed extends RenewalRefused {
        AlreadyRenewed(String badgeId, String by) {
            super(Reason.CONFLICT, "credential " + badgeId + " is renewed already" + (by == null ? "" : " by " + by));
        }
    }

    /** A renewal of the badge is under way. */
    static final class RenewalInProgress extends RenewalRefused {
        private final String enrollmentId;

        RenewalInProgress(String badgeId, String enrollmentId) {
            super(Reason.CONFLICT, "credential " + badgeId + " has a renewal in progress: enrollment " + enrollmentId);
            this.enrollmentId = enrollmentId;
        }

        String enrollmentId() {
            return enrollmentId;
        }
    }
}
