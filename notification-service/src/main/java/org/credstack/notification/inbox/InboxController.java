package org.credstack.notification.inbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.credstack.runtime.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A learner's in-app notifications under {@code /api/v1/learners/{learnerId}/notifications}, for that learner
 * ({@code sub}) or an operator only: 401 problem without a token, 403 problem for anyone else, before anything is
 * read or marked.
 */
@RestController
@RequestMapping("/api/v1/learners/{learnerId}/notifications")
class InboxController {

    private final Inbox inbox;
    private final Access access;

    InboxController(Inbox inbox, Access access) {
        this.inbox = inbox;
        this.access = access;
    }

    /** Newest first; {@code unread=true} leaves out the read ones; {@code limit} 1..200, default 50. */
    @GetMapping
    List<NotificationView> list(
            @PathVariable String learnerId,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        access.requireLearner(learnerId);
        return inbox.list(learnerId, unread, limit).stream()
                .map(NotificationView::of)
                .toList();
    }

    /** Marks one read and answers it; 404 problem if the learner has no such notification. */
    @PostMapping("/{id}/read")
    NotificationView markRead(@PathVariable String learnerId, @PathVariable String id) {
        access.requireLearner(learnerId);
        return NotificationView.of(inbox.markRead(learnerId, id));
    }

    /** The JSON of one notification. */
    record NotificationView(
            String id,
            NotificationKind kind,
            String title,
            String link,
            String badgeId,
            Instant createdAt,
            boolean read,
            Instant readAt) {

        static NotificationView of(InboxNotification n) {
            return new NotificationView(
                    n.id(), n.kind(), n.title(), n.link(), n.badgeId(), n.createdAt(), n.readAt() != null, n.readAt());
        }
    }
}
