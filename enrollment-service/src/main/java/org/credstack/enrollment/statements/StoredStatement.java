package org.credstack.enrollment.statements;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credstack.enrollment.progress.ProgressStatement;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A statement as stored, one document per statement id in {@value StatementLog#COLLECTION}: the JSON as received
 * and what matching and moveOn read from it.
 *
 * @param id the statement id, lower-case UUID (for a partner record that is no UUID, a name-based UUID of it)
 * @param reference what {@code AssignmentCompleted.statementId} reports: the statement id or the partner's record id
 * @param source {@code XAPI} or {@code PARTNER}
 * @param json the statement as received (a partner record: its event JSON)
 * @param contentKey canonical content compared on a repeated id (xAPI Data section 2.3.1)
 * @param storedAt when this service stored it, UTC
 * @param timestamp business time as an ISO 8601 UTC instant: the statement's {@code timestamp} converted to UTC, or
 *     {@code storedAt} when it has none (xAPI Data section 2.4.7)
 * @param actorKey the learner identifier key of the actor, or {@code null} for a Group
 * @param actorFoldedKey {@code IdentifierKeys.folded(actorKey)}: for an {@code mbox} actor the address lower-cased,
 *     else {@code null}
 * @param activityId the object's activity IRI, or {@code null} when the object is no Activity
 * @param verbId verb IRI
 * @param kind {@link ProgressStatement.Kind} name
 * @param success {@code result.success} or {@code null}
 * @param completion {@code result.completion} or {@code null}
 * @param scaled {@code result.score.scaled} or {@code null}
 * @param voids for a voiding statement, the id of the statement it voids
 * @param voided whether a voiding statement voids this one; never for a voiding statement (xAPI Data 2.3.2.s2.b3)
 * @param processed whether matching has run for it (a crash before that is repaired by a retry of the request)
 * @param providerIds the providers of the partner that reported it (a partner key's one provider, a partner token's
 *     {@code provider_ids}): it completes only assignments of their credentials; {@code null} (an operator, a record
 *     from {@code partner.completions.v1}, a statement stored before partners authenticated) for any provider
 */
@Document(StatementLog.COLLECTION)
record StoredStatement(
        @Id String id,
        String reference,
        String source,
        String json,
        String contentKey,
        Instant storedAt,
        String timestamp,
        String actorKey,
        String actorFoldedKey,
        String activityId,
        String verbId,
        String kind,
        Boolean success,
        Boolean completion,
        Double scaled,
        String voids,
        boolean voided,
        boolean processed,
        List<String> providerIds) {

    ProgressStatement progress() {
        return new ProgressStatement(
                UUID.fromString(id),
                verbId,
                ProgressStatement.Kind.valueOf(kind),
                success,
                completion,
                scaled,
                Instant.parse(timestamp));
    }

    /** Whether it may count for an assignment of a credential of this provider. */
    boolean mayCountFor(String providerId) {
        return providerIds == null || providerIds.contains(providerId);
    }

    boolean isVoiding() {
        return voids != null;
    }

    StoredStatement voided(boolean isVoided) {
        return new StoredStatement(
                id,
                reference,
                source,
                json,
                contentKey,
                storedAt,
                timestamp,
                actorKey,
                actorFoldedKey,
                activityId,
                verbId,
                kind,
                success,
                completion,
                scaled,
                voids,
                isVoided,
                processed,
                providerIds);
    }
}
