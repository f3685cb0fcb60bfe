package org.credstack.notification.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credstack.events.notification.ReminderSent;
import org.credstack.notification.NotificationProperties;
import org.credstack.notification.delivery.MailOutbox;
import org.credstack.notification.delivery.MailTemplates;
import org.credstack.notification.delivery.RenderedMail;
import org.credstack.notification.inbox.Inbox;
import org.credstack.notification.inbox.NotificationKind;
import org.credstack.runtime.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sends the reminders that are due by the injected clock, exactly once each across any number of instances.
 *
 * <p>A reminder is claimed with one atomic {@code findAndModify} ({@code PENDING} with {@code dueAt <= now}, or
 * {@code SENDING} whose lease ran out, to {@code SENDING} owned by this instance with a lease of
 * {@code credstack.notification.claim-lease}), so no two instances hold it at once. The holder stores the e-mail
 * ({@link MailOutbox}) and the in-app notification ({@link Inbox}), both keyed by {@code badgeId|daysBefore} so a
 * take-over after a crash stores nothing twice, then marks it {@code SENT} and pushes {@code ReminderSent} into
 * its {@code pendingEvents} in one conditional single-document update (only while it still holds the claim).
 */
@Component
public class ReminderDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReminderDispatcher.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final NotificationProperties properties;
    private final MailTemplates templates;
    private final MailOutbox mail;
    private final Inbox inbox;
    private final Outbox outbox;
    private final String owner = "reminders-" + UUID.randomUUID();

    ReminderDispatcher(
            MongoTemplate mongo,
            Clock clock,
            NotificationProperties properties,
            MailTemplates templates,
            MailOutbox mail,
            Inbox inbox,
            Outbox outbox) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        this.templates = templates;
        this.mail = mail;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    /**
     * Sends what is due now, at most {@code batch-size} reminders.
     *
     * @return ids of the reminders this instance marked {@code SENT}
     */
    public List<String> dispatchDue() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < properties.batchSize(); i++) {
            Reminder reminder = claimNext();
            if (reminder == null) {
                break;
            }
            if (handle(reminder)) {
                sent.add(reminder.id());
            }
        }
        if (!sent.isEmpty()) {
            sent.forEach(id -> outbox.publish(Reminder.COLLECTION, id));
        }
        return sent;
    }

    private Reminder claimNext() {
        Instant now = clock.instant();
        Criteria due = new Criteria()
                .orOperator(
                        Criteria.where("status")
                                .is(ReminderStatus.PENDING)
                                .and("dueAt")
                                .lte(now),
                        Criteria.where("status")
                                .is(ReminderStatus.SENDING)
                                .and("leaseUntil")
                                .lte(now));
        Update claim = new Update()
                .set("status", ReminderStatus.SENDING)
                .set("claimedBy", owner)
                .set("leaseUntil", now.plus(properties.claimLease()))
                .inc("version", 1);
        return mongo.findAndModify(
                Query.query(due).with(Sort.by("dueAt")),
                claim,
                FindAndModifyOptions.options().returnNew(true),
                Reminder.class);
    }

    private boolean handle(Reminder reminder) {
        Instant now = clock.instant();
        Optional<String> skip = ReminderSchedule.skipReason(reminder.validUntil(), now, laterOneDue(reminder, now));
        if (skip.isPresent()) {
            Update skipped = new Update()
                    .set("status", ReminderStatus.SKIPPED)
                    .set("note", skip.get())
                    .unset("claimedBy")
                    .unset("leaseUntil")
                    .inc("version", 1);
            mongo.updateFirst(mine(reminder), skipped, Reminder.class);
            log.info("skipped reminder {} of {}: {}", reminder.daysBefore(), reminder.badgeId(), skip.get());
            return false;
        }
        String key = "expiry-reminder|" + reminder.badgeId() + "|" + reminder.daysBefore();
        RenderedMail rendered = templates.render("expiry-reminder", model(reminder));
        if (reminder.recipientEmail() != null && !reminder.recipientEmail().isBlank()) {
            mail.enqueue(key, reminder.learnerId(), reminder.recipientEmail(), rendered);
        }
        inbox.add(
                key,
                reminder.learnerId(),
                NotificationKind.EXPIRY_REMINDER,
                rendered.subject(),
                reminder.publicUrl(),
                reminder.badgeId());
        ReminderSent event = new ReminderSent(
                reminder.badgeId(), reminder.learnerId(), reminder.daysBefore(), reminder.validUntil(), now);
        Update sent = new Update()
                .set("status", ReminderStatus.SENT)
                .set("sentAt", now)
                .unset("claimedBy")
                .unset("leaseUntil")
                .push("pendingEvents", outbox.stageForUpdate(event))
                .inc("version", 1);
        return mongo.updateFirst(mine(reminder), sent, Reminder.class).getModifiedCount() == 1;
    }

    private boolean laterOneDue(Reminder reminder, Instant now) {
        Query later = Query.query(Criteria.where("badgeId")
                .is(reminder.badgeId())
                .and("status")
                .in(ReminderStatus.PENDING, ReminderStatus.SENDING)
                .and("dueAt")
                .gt(reminder.dueAt())
                .lte(now));
        return mongo.exists(later, Reminder.class);
    }

    private Query mine(Reminder reminder) {
        return Query.query(Criteria.where("_id")
                .is(reminder.id())
                .and("status")
                .is(ReminderStatus.SENDING)
                .and("claimedBy")
                .is(owner));
    }

    private static Map<String, Object> model(Reminder reminder) {
        return Map.of(
                "recipientName", reminder.recipientName() == null ? "" : reminder.recipientName(),
                "achievementName", reminder.achievementName(),
                "publicUrl", reminder.publicUrl(),
                "validUntil", MailTemplates.utc(reminder.validUntil()),
                "daysBefore", reminder.daysBefore() == 1 ? "1 day" : reminder.daysBefore() + " days");
    }
}
