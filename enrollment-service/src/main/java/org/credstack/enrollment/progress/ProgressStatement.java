package org.credstack.enrollment.progress;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.credstack.enrollment.xapi.Context;
import org.credstack.enrollment.xapi.Result;
import org.credstack.enrollment.xapi.Statement;

/**
 * An xAPI statement reduced to what {@link MoveOnCriteria} reads: who said what with which result, and when.
 *
 * @param statementId id of the statement; required
 * @param verbId verb IRI; required
 * @param kind cmi5 defined, cmi5 allowed or plain xAPI; required
 * @param success {@code result.success}, or {@code null}
 * @param completion {@code result.completion}, or {@code null}
 * @param scaled {@code result.score.scaled}, or {@code null}
 * @param timestamp business time, UTC; required
 */
public record ProgressStatement(
        UUID statementId,
        String verbId,
        Kind kind,
        Boolean success,
        Boolean completion,
        Double scaled,
        Instant timestamp) {

    /** Which rules a statement is read by (cmi5 section 7.1.3, statement categories). */
    public enum Kind {
        /** cmi5 verb and the cmi5 category activity: counted by its verb. */
        CMI5_DEFINED,
        /** Part of a cmi5 session (session id) without the cmi5 category: never counted (cmi5 section 7.1.3). */
        CMI5_ALLOWED,
        /** A plain xAPI statement from a partner system: counted by its verb and its result. */
        XAPI
    }

    public ProgressStatement {
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(verbId, "verbId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * Reduces an accepted statement.
     *
     * @param statement the statement
     * @param stored when the LRS stored it; its business time when it carries no timestamp (xAPI Data section 2.4.7)
     */
    public static ProgressStatement of(Statement statement, Instant stored) {
        Result result = statement.result();
        return new ProgressStatement(
                statement.id(),
                statement.verb().id(),
                kindOf(statement.context()),
                result == null ? null : result.success(),
                result == null ? null : result.completion(),
                result == null || result.score() == null ? null : result.score().scaled(),
                statement.timestamp() != null ? statement.timestamp() : stored);
    }

    private static Kind kindOf(Context context) {
        if (context == null) {
            return Kind.XAPI;
        }
        if (context.contextActivities().hasCategory(Cmi5.CATEGORY)) {
            return Kind.CMI5_DEFINED;
        }
        return context.extensions().containsKey(Cmi5.SESSION_ID) ? Kind.CMI5_ALLOWED : Kind.XAPI;
    }
}
