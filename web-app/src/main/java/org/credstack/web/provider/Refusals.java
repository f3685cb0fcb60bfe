package org.credstack.web.provider;

import org.credstack.web.Fetched;

/** A service's answer that is not the thing asked for, in words a member of staff can act on. */
final class Refusals {

    private Refusals() {}

    /**
     * What to tell the person when {@code fetched} is not {@link Fetched.State#FOUND}: the service's own words for a
     * refusal (403), a state that does not allow the step (409) or bad input (400/422); that it did not answer.
     *
     * @param service the service's name as people know it ({@code catalog-service})
     * @param what what the page wanted, without an article, for the unavailable and not-found cases ({@code credential},
     *     {@code award b-1 of this provider})
     */
    static String of(Fetched<?> fetched, String service, String what) {
        return switch (fetched.state()) {
            case FOUND -> "";
            case FORBIDDEN -> service + " refused: " + orElse(fetched.detail(), "you may not do this");
            case CONFLICT ->
                service + " refused the step: " + orElse(fetched.detail(), "not in a state that allows it");
            case REJECTED -> service + " refused the input: " + orElse(fetched.detail(), "bad input");
            case NOT_FOUND -> service + " has no " + what;
            case UNAVAILABLE ->
                "The " + what + " cannot be shown right now: " + service + " did not answer; try again in a minute";
        };
    }

    private static String orElse(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }
}
