package org.credstack.notification.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.notification.NotificationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The reminder schedule: stores a credential's reminders once, cancels the pending ones, lists a learner's. */
@Service
public class Reminders {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final NotificationProperties properties;

    Reminders(MongoTemplate mongo, Clock clock, NotificationProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Stores the reminders {@link ReminderSchedule} plans for an issued credential; those already stored (same
     * badge and offset) stay as they are.
     *
     * @return how many were stored now
     */
    public int schedule(BadgeIssued badge) {
        Instant now = clock.instant();
        int stored = 0;
        for (ReminderSchedule.Planned planned : ReminderSchedule.plan(
                badge.validUntil(), badge.reminderDaysBefore(), properties.reminderDaysBefore(), now)) {
            try {
                mongo.insert(reminder(badge, planned, now));
                stored++;
            } catch (DuplicateKeyException alreadyScheduled) {
                // the business key guard: one reminder per badge and offset
            }
        }
        return stored;
    }

    /**
     * Cancels a credential's reminders that are still waiting. One already being sent at this moment finishes.
     *
     * @param why recorded on each, e.g. {@code revoked}
     * @return how many were cancelled
     */
    public long cancelPending(String badgeId, String why) {
        Query pending =
                Query.query(Criteria.where("badgeId").is(badgeId).and("status").is(ReminderStatus.PENDING));
        Update cancel = new Update()
                .set("status", ReminderStatus.CANCELLED)
                .set("note", why)
                .inc("version", 1);
        return mongo.updateMulti(pending, cancel, Reminder.class).getModifiedCount();
    }

    List<Reminder> of(String learnerId) {
        Query query = Query.query(Criteria.where("learnerId").is(learnerId)).with(Sort.by("dueAt", "badgeId"));
        return mongo.find(query, Reminder.class);
    }

    /**
     * The digest a reminder belongs to: the learner and the calendar day of {@code dueAt} in UTC
     * (docs/lifecycle/notifications.md, "One e-mail a day").
     */
    static String digestKey(String learnerId, Instant dueAt) {
        return learnerId + "|" + dueAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static Reminder reminder(BadgeIssued badge, ReminderSchedule.Planned planned, Instant now) {
        String key = badge.badgeId() + "|" + planned.daysBefore();
        return new Reminder(
                UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString(),
                badge.badgeId(),
                badge.learnerId(),
                planned.daysBefore(),
                planned.dueAt(),
                badge.validUntil(),
                badge.achievementName(),
                badge.recipientEmail(),
                badge.recipientName(),
                badge.publicUrl(),
                badge.credentialId(),
                digestKey(badge.learnerId(), planned.dueAt()),
                null,
                planned.skipped() ? ReminderStatus.SKIPPED : ReminderStatus.PENDING,
                now,
                null,
                null,
                null,
                planned.skipped() ? "already past when scheduled" : null,
                List.of(),
                null);
    }
}
