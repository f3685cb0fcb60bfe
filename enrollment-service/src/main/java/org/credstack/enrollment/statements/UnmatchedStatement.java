package org.credstack.enrollment.statements;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
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
 * @param matchKeys {@code actorKey} and {@code actorFoldedKey} in one array (either left out when null, the same key
 *     once): the index the inbox's retries read, so that one {@code $in} of a learner's exact and folded keys finds
 *     every entry either kind of key would ({@link #matchKeysOf}); not shown in the inbox API
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
        List<String> providerIds,
        @JsonIgnore List<String> matchKeys) {

    /** The {@code matchKeys} of an entry with this actor key and folded key. */
    static List<String> matchKeysOf(String actorKey, String actorFoldedKey) {
        return Stream.of(actorKey, actorFoldedKey)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
