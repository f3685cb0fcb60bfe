package org.credstack.badge.issuing;

import java.util.List;
import org.credstack.badge.schema.SchemaViolation;

/**
 * A credential built for an award breaks the Open Badges 3.0 schema. That is a bug or bad catalog data,
 * never a reason to issue anyway: the event is not retried but goes to the dead-letter topic.
 */
class IssuedCredentialInvalidException extends RuntimeException {

    IssuedCredentialInvalidException(String awardKey, List<SchemaViolation> violations) {
        super("credential for " + awardKey + " breaks the OB 3.0 schema: " + violations);
    }
}
