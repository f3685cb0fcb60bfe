package org.credstack.catalog.search;

/** A query parameter that is readable but out of range; the API answers 400 naming {@link #parameter()}. */
public class InvalidQueryParameter extends RuntimeException {

    private final String parameter;

    /**
     * @param parameter the query parameter's name, e.g. {@code currency}
     * @param message what is wrong, in words
     */
    public InvalidQueryParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The query parameter's name. */
    public String parameter() {
        return parameter;
    }
}
