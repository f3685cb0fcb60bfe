package org.credstack.notification.reminder;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A learner's reminder schedule, earliest due first. */
@RestController
class ReminderController {

    private final Reminders reminders;

    ReminderController(Reminders reminders) {
        this.reminders = reminders;
    }

    @GetMapping("/api/v1/learners/{learnerId}/reminders")
    List<ReminderView> list(@PathVariable String learnerId) {
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
