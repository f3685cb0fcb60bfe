package org.credstack.enrollment.xapi;

import static org.credstack.enrollment.xapi.StatementRejected.require;

import java.util.UUID;

/**
 * A reference to another statement by its id (xAPI Data section 2.4.4.3); the object of a voiding statement.
 *
 * @param id the referenced statement's id; required
 */
public record StatementRef(UUID id) implements StatementObject {

    public StatementRef {
        require(id != null, "/id", "a StatementRef has the id of a statement");
    }
}
