package org.credstack.enrollment.statements;

import org.credstack.enrollment.problem.DomainException;

/** A statement request breaks an xAPI resource rule outside the statement data (parameter, header, shape). */
class InvalidStatementRequest extends DomainException {

    InvalidStatementRequest(String field, String message) {
        super(Reason.INVALID, field, message);
    }
}
