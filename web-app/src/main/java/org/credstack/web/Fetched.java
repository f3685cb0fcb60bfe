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

    /** The service answered with {@code value}. */
    public static <T> Fetched<T> found(T value) {
        return new Fetched<>(State.FOUND, value, null);
    }

    /** The service answered 404. */
    public static <T> Fetched<T> notFound() {
        return new Fetched<>(State.NOT_FOUND, null, null);
    }

    /** The service answered 400; {@code detail} names the field ({@code field: message}). */
    public static <T> Fetched<T> rejected(String detail) {
        return new Fetched<>(State.REJECTED, null, detail);
    }

    /** The fallback: no answer in time, a 5xx, or an open breaker. */
    public static <T> Fetched<T> unavailable() {
        return new Fetched<>(State.UNAVAILABLE, null, null);
    }

    /** Whether there is a {@code value}. */
    public boolean isFound() {
        return state == State.FOUND;
    }

    /** Whether the service could not answer (the page says what is missing). */
    public boolean isUnavailable() {
        return state == State.UNAVAILABLE;
    }
}
