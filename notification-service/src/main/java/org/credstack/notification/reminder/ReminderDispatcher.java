package org.credstack.notification.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credstack.events.notification.ReminderSent;
import org.credstack.notification.NotificationProperties;
import org.credstack.notification.catalog.RenewalPolicies;
import org.credstack.notification.delivery.MailLinks;
import org.credstack.notification.delivery.MailOutbox;
import org.credstack.notification.delivery.MailTemplates;
import org.credstack.notification.delivery.RenderedMail;
import org.credstack.notification.inbox.Inbox;
import org.credstack.notification.inbox.NotificationKind;
import org.credstack.notification.learner.Recipient;
import org.credstack.notification.learner.Recipients;
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
 * Sends the reminders that are due by the injected clock, exactly once each across any number of instances, and a
 * learner's reminders of one day in one e-mail (docs/lifecycle/notifications.md, "One e-mail a day").
 *
 * <p>A reminder is claimed with one atomic {@code findAndModify} ({@code PENDING} with {@code dueAt <= now}, or
 * {@code SENDING} whose lease ran out, to {@code SENDING} owned by this instance with a lease of
 * {@code credstack.notification.claim-lease}), so no two instances hold it at once. A freshly claimed reminder leads a
 * batch: its id becomes the {@code batchId}, and the learner's other {@code PENDING} reminders of the same UTC day
 * (same {@code digestKey}, an indexed equality) join it with the same owner and lease. An instance that takes over an
 * expired claim takes over the whole batch it belongs to ({@code batchId}, indexed) and adds nothing to it.
 *
 * <p>The holder then stores one e-mail for the batch ({@link MailOutbox}, key {@code expiry-reminder|<batchId>}, so a
 * take-over after a crash stores nothing twice) unless the learner turned reminder e-mails off, one in-app
 * notification per reminder ({@link Inbox}, key {@code expiry-reminder|<badgeId>|<daysBefore>}), and marks each
 * reminder {@code SENT} with its {@code ReminderSent} pushed into its {@code pendingEvents} in one conditional
 * single-document update (only while it still holds the claim).
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
    private final Recipients recipients;
    private final RenewalPolicies renewals;
    private final MailLinks links;
    private final String owner = "reminders-" + UUID.randomUUID();

    /** Reminders sent (each {@code ReminderSent}); Prometheus {@code credstack_reminders_sent_total}. */
    public static final String REMINDERS_SENT = "credstack.reminders.sent";

    private final Counter remindersSent;

    ReminderDispatcher(
            MongoTemplate mongo,
            Clock clock,
            NotificationProperties properties,
            MailTemplates templates,
            MailOutbox mail,
            Inbox inbox,
            Outbox outbox,
            Recipients recipients,
            RenewalPolicies renewals,
            MailLinks links,
            MeterRegistry meters) {
        this.remindersSent = Counter.builder(REMINDERS_SENT)
                .description("expiry reminders sent, one per credential and days-before")
                .register(meters);
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        this.templates = templates;
        this.mail = mail;
        this.inbox = inbox;
        this.outbox = outbox;
        this.recipients = recipients;
        this.renewals = renewals;
        this.links = links;
    }

    /**
     * Sends what is due now: at most {@code batch-size} claims, each with the reminders of the same learner and day
     * that join it.
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
            sent.addAll(handle(batchOf(reminder)));
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

    /**
     * The reminders sent together with a claimed one, all held by this instance: a new batch led by it with the
     * learner's pending reminders of the same day, or, for a batch taken over, the batch as it was formed.
     */
    private List<Reminder> batchOf(Reminder claimed) {
        Update mine = new Update()
                .set("status", ReminderStatus.SENDING)
                .set("claimedBy", owner)
                .set("leaseUntil", claimed.leaseUntil())
                .inc("version", 1);
        String batch = claimed.batchId();
        if (batch == null) {
            batch = claimed.id();
            mongo.updateFirst(mine(claimed), new Update().set("batchId", batch), Reminder.class);
            if (claimed.digestKey() != null) {
                Query sameDay = Query.query(Criteria.where("digestKey")
                        .is(claimed.digestKey())
                        .and("status")
                        .is(ReminderStatus.PENDING));
                mongo.updateMulti(sameDay, mine.set("batchId", batch), Reminder.class);
            }
        } else {
            Query heldBefore = Query.query(Criteria.where("batchId")
                    .is(batch)
                    .and("status")
                    .is(ReminderStatus.SENDING)
                    .and("claimedBy")
                    .ne(owner));
            mongo.updateMulti(heldBefore, mine, Reminder.class);
        }
        Query held = Query.query(Criteria.where("batchId")
                .is(batch)
                .and("status")
                .is(ReminderStatus.SENDING)
                .and("claimedBy")
                .is(owner));
        return mongo.find(held, Reminder.class).stream()
                .sorted(Comparator.comparing(Reminder::validUntil).thenComparing(Reminder::achievementName))
                .toList();
    }

    private List<String> handle(List<Reminder> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Reminder> toSend = new ArrayList<>();
        for (Reminder reminder : batch) {
            Optional<String> skip =
                    ReminderSchedule.skipReason(reminder.validUntil(), now, laterOneDueOrSent(reminder, now));
            if (skip.isPresent()) {
                skip(reminder, skip.get());
            } else {
                toSend.add(reminder);
            }
        }
        if (toSend.isEmpty()) {
            return List.of();
        }
        String learnerId = toSend.getFirst().learnerId();
        List<Map<String, Object>> credentials = credentials(learnerId, toSend);
        email(toSend.getFirst().batchId(), toSend, credentials);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < toSend.size(); i++) {
            Reminder reminder = toSend.get(i);
            RenderedMail single =
                    templates.render("expiry-reminder", model(toSend.get(i), List.of(credentials.get(i))));
            inbox.add(
                    "expiry-reminder|" + reminder.badgeId() + "|" + reminder.daysBefore(),
                    learnerId,
                    NotificationKind.EXPIRY_REMINDER,
                    single.subject(),
                    reminder.publicUrl(),
                    reminder.badgeId());
            if (markSent(reminder, now)) {
                remindersSent.increment();
                sent.add(reminder.id());
            }
        }
        return sent;
    }

    /** One e-mail for the batch, to the learner's current address, unless they turned reminder e-mails off. */
    private void email(String batchId, List<Reminder> toSend, List<Map<String, Object>> credentials) {
        Reminder first = toSend.getFirst();
        Recipient recipient = recipients.of(first.learnerId());
        String carried = toSend.stream()
                .map(Reminder::recipientEmail)
                .filter(e -> e != null && !e.isBlank())
                .findFirst()
                .orElse(null);
        String address = recipient.addressOr(carried);
        if (!recipient.reminderEmails()) {
            log.info(
                    "learner {} turned reminder e-mails off; {} reminders in-app only",
                    first.learnerId(),
                    toSend.size());
        } else if (address != null) {
            mail.enqueue(
                    "expiry-reminder|" + batchId,
                    first.learnerId(),
                    address,
                    templates.render("expiry-reminder", model(first, credentials)));
        }
    }

    /** What the e-mail says of each reminder, with a renewal link for the credentials that can be renewed. */
    private List<Map<String, Object>> credentials(String learnerId, List<Reminder> reminders) {
        Set<String> renewable = renewals.renewable(reminders.stream()
                .map(Reminder::credentialId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return reminders.stream()
                .map(r -> {
                    Map<String, Object> credential = new HashMap<>();
                    credential.put("achievementName", r.achievementName());
                    credential.put("publicUrl", r.publicUrl());
                    credential.put("validUntil", MailTemplates.utc(r.validUntil()));
                    credential.put("daysBefore", r.daysBefore() == 1 ? "1 day" : r.daysBefore() + " days");
                    if (renewable.contains(r.credentialId())) {
                        credential.put("renewalUrl", links.renewal(learnerId, r.badgeId()));
                    }
                    return credential;
                })
                .toList();
    }

    private static Map<String, Object> model(Reminder first, List<Map<String, Object>> credentials) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", first.recipientName());
        model.put("single", credentials.size() == 1);
        model.put("count", credentials.size());
        model.put("credentials", credentials);
        return model;
    }

    private void skip(Reminder reminder, String why) {
        Update skipped = new Update()
                .set("status", ReminderStatus.SKIPPED)
                .set("note", why)
                .unset("claimedBy")
                .unset("leaseUntil")
                .inc("version", 1);
        mongo.updateFirst(mine(reminder), skipped, Reminder.class);
        log.info("skipped reminder {} of {}: {}", reminder.daysBefore(), reminder.badgeId(), why);
    }

    private boolean markSent(Reminder reminder, Instant now) {
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

    /**
     * Whether a later reminder of the same credential supersedes this one: it is due too and not yet sent, or it was
     * sent already (a day's digest may send a reminder some hours before its {@code dueAt}).
     */
    private boolean laterOneDueOrSent(Reminder reminder, Instant now) {
        Criteria laterDue = Criteria.where("status")
                .in(ReminderStatus.PENDING, ReminderStatus.SENDING)
                .and("dueAt")
                .lte(now);
        Criteria laterSent = Criteria.where("status").is(ReminderStatus.SENT);
        Query later = Query.query(new Criteria()
                .andOperator(
                        Criteria.where("badgeId").is(reminder.badgeId()),
                        Criteria.where("dueAt").gt(reminder.dueAt()),
                        new Criteria().orOperator(laterDue, laterSent)));
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
}
