package org.credstack.notification.learner;

/**
 * Where and whether to e-mail a learner.
 *
 * @param learnerId the learner
 * @param currentEmail the address of the latest e-mail change known, or {@code null} if none is known
 * @param reminderEmails whether the learner wants reminder e-mails (in-app notifications are always kept)
 */
public record Recipient(String learnerId, String currentEmail, boolean reminderEmails) {

    /**
     * The address to write to: the current one when known, else {@code carried} (the address the credential event
     * named, which was current when it was issued).
     *
     * @return an address, or {@code null} when neither is known
     */
    public String addressOr(String carried) {
        return currentEmail != null ? currentEmail : blankToNull(carried);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
