package org.credstack.badge.issuing;

/** No credential was issued under an id; answered with 404. */
public class CredentialNotFoundException extends RuntimeException {

    /** @param id the credential id asked for */
    public CredentialNotFoundException(String id) {
        super("no credential with id '" + id + "'");
    }
}
