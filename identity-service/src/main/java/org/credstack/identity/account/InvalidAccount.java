package org.credstack.identity.account;

/** A request field that breaks an account rule (answered 400 {@code invalid-request} naming the field). */
public class InvalidAccount extends RuntimeException {

    private final String field;

    public InvalidAccount(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field, e.g. {@code password}. */
    public String field() {
        return field;
    }
}
