package org.credstack.enrollment.statements;

import java.util.List;
import org.credstack.runtime.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/inbox/unmatched?limit=100&page=0} → 200 with one page of the statements that matched no learner
 * or no assignment yet, newest first: {@code [{statementId, reason, actorKey, actorFoldedKey, activityId, verbId,
 * timestamp, heldAt}]}; {@code reason} is {@code NO_LEARNER},
 * {@code AMBIGUOUS_LEARNER} (the actor's email is several learners' when case is ignored, and none's exactly) or
 * {@code NO_ASSIGNMENT}. {@code limit} is 1 to {@value #MAX_LIMIT}
 * (default {@value #DEFAULT_LIMIT}), {@code page} counts from 0; 400 naming the parameter otherwise. Operators only
 * (403 for anyone else): the inbox holds every partner's statements and learners' addresses.
 */
@RestController
class InboxController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final UnmatchedInbox inbox;
    private final Access access;

    InboxController(UnmatchedInbox inbox, Access access) {
        this.inbox = inbox;
        this.access = access;
    }

    @GetMapping("/api/v1/inbox/unmatched")
    List<UnmatchedStatement> unmatched(
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit, @RequestParam(defaultValue = "0") int page) {
        access.requireOperator();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidStatementRequest("limit", "limit is 1 to " + MAX_LIMIT);
        }
        if (page < 0) {
            throw new InvalidStatementRequest("page", "page counts from 0");
        }
        return inbox.newestFirst(page, limit);
    }
}
