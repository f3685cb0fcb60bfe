package org.credstack.testsupport.security;

/** What an {@link AuthorizationMatrix} expects a call to be answered with. */
public enum Outcome {
    /**
     * Past authorization: any status but 401 and 403, and below 500 (a 404 for an id nothing has, a 400 for a body
     * the test did not bother to make valid, a 409 for a second create: all allowed).
     */
    ALLOWED,
    /** 401 problem {@code urn:credstack:problem:unauthorized} with a {@code WWW-Authenticate: Bearer} challenge. */
    UNAUTHORIZED,
    /** 403 problem {@code urn:credstack:problem:forbidden}. */
    FORBIDDEN;

    boolean refused() {
        return this != ALLOWED;
    }
}
