package org.credstack.badge.verification;

/** A verification request whose body is not a credential at all; answered with 400 naming the field. */
public class UnverifiableRequestException extends RuntimeException {

    private final String field;

    UnverifiableRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field as a JSON Pointer, {@code ""} for the whole body. */
    public String field() {
        return field;
    }
}
