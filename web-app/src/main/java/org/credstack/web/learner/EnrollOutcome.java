package org.credstack.web.learner;

/**
 * What became of one credential of an enroll request, as the learner is told it.
 *
 * @param credentialId the catalog credential asked for
 * @param title its title when enrollment-service named it, else the id
 * @param result enrolled, already enrolled, refused, or not done because a service was down
 * @param reason why it was refused or not done, in words; {@code null} when enrolled
 */
public record EnrollOutcome(String credentialId, String title, Result result, String reason) {

    /** The four ends of one enrollment request. */
    public enum Result {
        /** A new enrollment (201). */
        ENROLLED,
        /** The learner already had an active enrollment in it (200). */
        ALREADY_ENROLLED,
        /** enrollment-service refused it (404, 409, 400, 403): {@code reason} says why. */
        REFUSED,
        /** enrollment-service did not answer: nothing is known to have changed; try again. */
        NOT_DONE
    }

    /** The result in words, for the page. */
    public String resultText() {
        return switch (result) {
            case ENROLLED -> "Enrolled";
            case ALREADY_ENROLLED -> "Already enrolled";
            case REFUSED -> "Refused";
            case NOT_DONE -> "Not done";
        };
    }
}
