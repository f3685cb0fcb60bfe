package org.credstack.web;

import java.util.Map;

/**
 * What a call to a service brought back, so a page can render what it has and say what is missing.
 *
 * @param state {@link State#FOUND} with a {@code value}; otherwise why there is none
 * @param value the answer, {@code null} unless found
 * @param detail for {@link State#REJECTED}: the service's words about the bad input, naming the field ({@code
 *     field: message}); for {@link State#CONFLICT} and {@link State#FORBIDDEN}: the problem's {@code detail}
 * @param errors for {@link State#REJECTED}: every field the problem names ({@code errors[].field} or {@code
 *     pointer}) with its message, in the problem's order; empty otherwise
 */
public record Fetched<T>(State state, T value, String detail, Map<String, String> errors) {

    public Fetched {
        errors = errors == null ? Map.of() : errors;
    }

    /** The outcomes of one call. */
    public enum State {
        /** The service answered with the thing asked for (2xx). */
        FOUND,
        /** The service answered 404: there is no such thing. */
        NOT_FOUND,
        /** The service answered 400 or 422: the question itself was wrong ({@code errors} say how). */
        REJECTED,
        /** The service answered 401 or 403: the signed-in person may not do this. */
        FORBIDDEN,
        /** The service answered 409: the thing is not in a state that allows it ({@code detail} says why). */
        CONFLICT,
        /** The service did not answer in time, answered 5xx, or its circuit breaker is open. */
        UNAVAILABLE
    }

    /** The service answered with {@code value}. */
    public static <T> Fetched<T> found(T value) {
        return new Fetched<>(State.FOUND, value, null, Map.of());
    }

    /** The service answered 404. */
    public static <T> Fetched<T> notFound() {
        return new Fetched<>(State.NOT_FOUND, null, null, Map.of());
    }

    /** The service answered 400; {@code detail} names the first field ({@code field: message}). */
    public static <T> Fetched<T> rejected(String detail) {
        return new Fetched<>(State.REJECTED, null, detail, Map.of());
    }

    /** The service answered 400 or 422 naming these fields; {@code detail} is the first as {@code field: message}. */
    public static <T> Fetched<T> rejected(String detail, Map<String, String> errors) {
        return new Fetched<>(State.REJECTED, null, detail, errors);
    }

    /** The service answered 401 or 403. */
    public static <T> Fetched<T> forbidden(String detail) {
        return new Fetched<>(State.FORBIDDEN, null, detail, Map.of());
    }

    /** The service answered 409. */
    public static <T> Fetched<T> conflict(String detail) {
        return new Fetched<>(State.CONFLICT, null, detail, Map.of());
    }

    /** The fallback: no answer in time, a 5xx, or an open breaker. */
    public static <T> Fetched<T> unavailable() {
        return new Fetched<>(State.UNAVAILABLE, null, null, Map.of());
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
