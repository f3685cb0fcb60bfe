package org.credstack.enrollment.statements;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/inbox/unmatched} → 200 with the statements that matched no learner or no assignment yet, oldest
 * first: {@code [{statementId, reason, actorKey, activityId, verbId, timestamp, heldAt}]}; {@code reason} is
 * {@code NO_LEARNER} or {@code NO_ASSIGNMENT}.
 */
@RestController
class InboxController {

    private final UnmatchedInbox inbox;

    InboxController(UnmatchedInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/v1/inbox/unmatched")
    List<UnmatchedStatement> unmatched() {
        return inbox.all();
    }
}
