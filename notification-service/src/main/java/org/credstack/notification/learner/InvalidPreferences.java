package org.credstack.notification.learner;

/** A preferences request leaves out or misstates a field: HTTP 400 {@code invalid-request} naming it. */
public class InvalidPreferences extends RuntimeException {

    private final String field;

    InvalidPreferences(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault. */
    public String field() {
        return field;
    }
}
