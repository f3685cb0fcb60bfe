package org.credstack.enrollment.xapi;

import static org.credstack.enrollment.xapi.StatementRejected.require;

import java.time.Instant;
import java.util.UUID;

/**
 * An accepted xAPI statement (xAPI 1.0.3 / 2.0.0, Data section 2.4), immutable. Made by {@link StatementReader},
 * which also keeps the JSON it was read from.
 *
 * @param id the statement's id, or the one generated for it when it arrived without one
 * @param actor whom it is about; required
 * @param verb the action; required
 * @param object what it is about; required; a {@link StatementRef} when the verb is {@link Verb#VOIDED}
 * @param result the outcome, or {@code null}
 * @param context the context, or {@code null}
 * @param timestamp when it happened, in UTC, or {@code null} when not sent (the LRS then uses the stored time)
 * @param json the statement as received, compact, properties in the order sent, characters unchanged; without a
 *     generated id
 * @param contentKey the canonical form compared by {@link #sameContentAs(Statement)}
 * @throws StatementRejected if a required part is missing or a voiding statement's object is not a StatementRef
 */
public record Statement(
        UUID id,
        Actor actor,
        Verb verb,
        StatementObject object,
        Result result,
        Context context,
        Instant timestamp,
        String json,
        String contentKey) {

    public Statement {
        require(id != null, "/id", "a statement has an id");
        require(actor != null, "/actor", "a statement has an actor");
        require(verb != null, "/verb", "a statement has a verb");
        require(object != null, "/object", "a statement has an object");
        require(
                !verb.isVoiding() || object instanceof StatementRef,
                "/object/objectType",
                "a voiding statement's object is a StatementRef (xAPI Data section 2.3.2)");
        require(json != null && contentKey != null, "", "a statement keeps its JSON");
    }

    /** Whether this statement voids the one its object refers to. */
    public boolean isVoiding() {
        return verb.isVoiding();
    }

    /**
     * Whether {@code other} is the same statement in the sense of xAPI Data section 2.3.1 (statement comparison):
     * same id and content, ignoring what an LRS may set or change. Ignored: key order and whitespace; {@code stored},
     * {@code authority}, {@code version} and {@code attachments}; the serialisation of timestamps (compared as
     * instants); the case of UUIDs; a verb's {@code display}; activity {@code definition}s; the order of Group
     * members; a single context activity against a list of one. Everything else, including how numbers and durations
     * are written, counts.
     */
    public boolean sameContentAs(Statement other) {
        return contentKey.equals(other.contentKey);
    }
}
