package org.credstack.web;

/**
 * What a call to a service brought back, so a page can render what it has and say what is missing.
 *
 * @param state {@link State#FOUND} with a {@code value}; otherwise why there is none
 * @param value the answer, {@code null} unless found
 * @param detail for {@link State#REJECTED}: the service's words about the bad input, naming the field
 */
public record Fetched<T>(State state, T value, String detail) {

    /** The outcomes of one call. */
    public enum State {
        /** The service answered with the thing asked for. */
        FOUND,
        /** The service answered 404: there is no such thing. */
        NOT_FOUND,
        /** The service answered 400: the question itself was wrong ({@code detail} says how). */
        REJECTED,
        /** The service did not answer in time, answered 5xx, or its circuit breaker is open. */
        UNAVAILABLE
    }

    public static <T> Fetched<T> found(T value) {
        return new Fetched<>(State.FOUND, value, null);
    }

    public static <T> Fetched<T> notFound() {
        return new Fetched<>(State.NOT_FOUND, null, null);
    }

    public static <T> Fetched<T> rejected(String detail) {
        return new Fetched<>(State.REJECTED, null, detail);
    }

    public static <T> Fetched<T> unavailable() {
        return new Fetched<>(State.UNAVAILABLE, null, null);
    }

    public boolean isFound() {
        return state == State.FOUND;
    }

    public boolean isUnavailable() {
        return state == State.UNAVAILABLE;
    }
}
