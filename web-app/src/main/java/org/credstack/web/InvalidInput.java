package org.credstack.web;

/**
 * Input a page cannot use: answered by {@link PageAdvice} with a 400 page that names the field.
 *
 * @param field the parameter or form field, as it is named in the URL
 * @param message what is wrong with it, in words
 */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
