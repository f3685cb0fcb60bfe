package org.credstack.enrollment.statements;

import org.credstack.enrollment.problem.DomainException;

/**
 * A statement id is already stored with different content (xAPI Communication section 2.1.2: 409 Conflict).
 * The field is the JSON pointer of the id in the request body, e.g. {@code /1/id}.
 */
class StatementConflict extends DomainException {

    StatementConflict(String pointer, String statementId) {
        super(Reason.CONFLICT, pointer, "statement " + statementId + " is already stored with different content");
    }
}
