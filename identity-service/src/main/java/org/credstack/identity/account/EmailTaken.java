package org.credstack.identity.account;

/** An account with this e-mail exists already (answered 409 {@code email-taken}). */
public class EmailTaken extends RuntimeException {

    public EmailTaken(String email) {
        super("an account with the e-mail " + email + " exists already");
    }
}
