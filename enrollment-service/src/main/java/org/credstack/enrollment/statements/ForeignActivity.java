package org.credstack.enrollment.statements;

import java.util.List;
import org.credstack.runtime.problem.ProblemError;
import org.credstack.runtime.security.ForbiddenException;

/**
 * A partner reported a statement about an activity of another provider's credential, or voided another provider's
 * statement: 403 {@code urn:credstack:problem:forbidden}, its {@code errors} naming the statement's object by JSON
 * pointer ({@code /2/object/id}). Nothing of the batch is stored.
 */
class ForeignActivity extends ForbiddenException {

    ForeignActivity(String pointer, String statementId, String what) {
        super("statement " + statementId + " is about " + what
                + " of another provider's credential; a partner reports only for its own provider's credentials");
        getBody().setProperty("errors", List.of(ProblemError.pointer(pointer, getMessage())));
    }
}
