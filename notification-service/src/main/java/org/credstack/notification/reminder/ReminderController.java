package org.credstack.notification.reminder;

import java.time.Instant;
import java.util.List;
import org.credstack.runtime.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A learner's reminder schedule, earliest due first; for that learner ({@code sub}) or an operator only. */
@RestController
class ReminderController {

    private final Reminders reminders;
    private final Access access;

    ReminderController(Reminders reminders, Access access) {
        this.reminders = reminders;
        this.access = access;
    }

    @GetMapping("/api/v1/learners/{learnerId}/reminders")
    List<ReminderView> list(@PathVariable String learnerId) {
        access.requireLearner(learnerId);
        return reminders.of(learnerId).stream().map(ReminderView::of).toList();
    }

    /** The JSON of one reminder. */
    record ReminderView(
            String id,
            String badgeId,
            String achievementName,
            int daysBefore,
            Instant dueAt,
            Instant validUntil,
            ReminderStatus status,
            Instant sentAt,
            String note) {

        static ReminderView of(Reminder r) {
            return new ReminderView(
                    r.id(),
                    r.badgeId(),
                    r.achievementName(),
                    r.daysBefore(),
                    r.dueAt(),
                    r.validUntil(),
                    r.status(),
                    r.sentAt(),
                    r.note());
        }
    }
}
