package org.credstack.web.operator;

import java.util.List;

/**
 * One section of the pipeline page: what the services answered, and which of them did not.
 *
 * @param rows what the answering services said, service by service in the page's order
 * @param unavailable services that did not answer (down, too slow, breaker open): the section says their part is
 *     missing
 * @param notes services that answered but not with their part ({@code badge-service: only an operator may do this}
 *     for a refused token, or an endpoint it does not have)
 */
public record Section<T>(List<T> rows, List<String> unavailable, List<String> notes) {

    public Section {
        rows = List.copyOf(rows);
        unavailable = List.copyOf(unavailable);
        notes = List.copyOf(notes);
    }

    /** Whether every service asked answered. */
    public boolean complete() {
        return unavailable.isEmpty() && notes.isEmpty();
    }
}
