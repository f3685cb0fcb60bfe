package org.credstack.notification.learner;

/**
 * A link's token is missing, forged, for another purpose or expired: HTTP 400 {@code invalid-link-token}, and
 * nothing changes.
 */
public class InvalidLinkToken extends RuntimeException {

    InvalidLinkToken() {
        super("this link is not valid or has expired; use the link in a more recent e-mail, or change your"
                + " notification preferences in the app");
    }
}
