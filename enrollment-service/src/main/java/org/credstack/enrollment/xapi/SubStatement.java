package org.credstack.enrollment.xapi;

import static org.credstack.enrollment.xapi.StatementRejected.require;

import java.time.Instant;

/**
 * A statement used as the object of another (xAPI Data section 2.4.4.3): it has no id, stored, version or authority
 * and cannot nest another SubStatement.
 *
 * @param actor required
 * @param verb required
 * @param object required; not a SubStatement
 * @param result or {@code null}
 * @param context or {@code null}
 * @param timestamp in UTC, or {@code null}
 * @throws StatementRejected if a required part is missing or the object is a SubStatement
 */
public record SubStatement(
        Actor actor, Verb verb, StatementObject object, Result result, Context context, Instant timestamp)
        implements StatementObject {

    public SubStatement {
        require(actor != null, "/actor", "a SubStatement has an actor");
        require(verb != null, "/verb", "a SubStatement has a verb");
        require(object != null, "/object", "a SubStatement has an object");
        require(
                !(object instanceof SubStatement),
                "/object/objectType",
                "a SubStatement's object is not another SubStatement");
    }
}
