package org.credstack.enrollment.statements;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored statement that matched no learner or no assignment yet; an entry of the unmatched inbox
 * ({@value UnmatchedInbox#COLLECTION}). It leaves the inbox when a later retry matches it.
 *
 * @param statementId the statement (see {@link StoredStatement#id()})
 * @param reason {@code NO_LEARNER}, {@code AMBIGUOUS_LEARNER} or {@code NO_ASSIGNMENT}
 * @param actorKey the actor's identifier key, or {@code null} for a Group
 * @param actorFoldedKey the actor's case-folded {@code mbox} key, or {@code null}
 * @param activityId the object's activity IRI, or {@code null}
 * @param verbId verb IRI
 * @param timestamp business time, UTC
 * @param heldAt when it was (last) found unmatched, UTC
 * @param providerIds the providers of the partner that reported it, whose credentials alone it may complete; {@code
 *     null} for any provider ({@link StoredStatement#providerIds()})
 */
@Document(UnmatchedInbox.COLLECTION)
record UnmatchedStatement(
        @Id String statementId,
        String reason,
        String actorKey,
        String actorFoldedKey,
        String activityId,
        String verbId,
        String timestamp,
        Instant heldAt,
        List<String> providerIds) {}
