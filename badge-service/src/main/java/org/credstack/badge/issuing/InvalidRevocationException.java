package org.credstack.badge.issuing;

/** A revocation request that cannot be carried out as sent; answered with 400 naming the field. */
public class InvalidRevocationException extends RuntimeException {

    private final String field;

    InvalidRevocationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field of the request body, e.g. {@code reason}. */
    public String field() {
        return field;
    }
}
