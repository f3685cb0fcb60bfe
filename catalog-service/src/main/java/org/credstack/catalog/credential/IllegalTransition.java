package org.credstack.catalog.credential;

/**
 * A lifecycle step that the credential's status does not allow, such as editing a published credential
 * or revising a retired one (DRAFT → PUBLISHED → RETIRED). The API answers 409 Conflict.
 */
public class IllegalTransition extends RuntimeException {

    private final Status status;

    /**
     * @param status the status the credential is in
     * @param message what was refused and why, in words
     */
    public IllegalTransition(Status status, String message) {
        super(message);
        this.status = status;
    }

    /** The status the credential was in when the step was refused. */
    public Status status() {
        return status;
    }
}
