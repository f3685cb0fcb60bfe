package org.credstack.notification.badge;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.credstack.events.EventEnvelope;
import org.credstack.events.badge.BadgeEvent;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.badge.BadgeRevoked;
import org.credstack.notification.delivery.MailOutbox;
import org.credstack.notification.delivery.MailTemplates;
import org.credstack.notification.delivery.RenderedMail;
import org.credstack.notification.inbox.Inbox;
import org.credstack.notification.inbox.NotificationKind;
import org.credstack.notification.learner.Recipients;
import org.credstack.notification.reminder.Reminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Applies {@code badge.events.v1} (docs/architecture.md, journey steps 6 and 7).
 *
 * <ul>
 *   <li>{@code BadgeIssued}: follow the credential for expiry, store the e-mail (to the learner's current address,
 *       see {@link Recipients}) and the in-app notification, and
 *       schedule the reminders; with {@code renewalOf}, first close the old credential and cancel its pending
 *       reminders.
 *   <li>{@code BadgeRevoked}: close the credential and cancel its pending reminders; it will not expire.
 * </ul>
 *
 * <p>Idempotent without multi-document transactions and without a record of processed events (two store round trips
 * per credential saved): every write is guarded by its business key (badge id; {@code badge-issued|<badgeId>} for the e-mail and notification;
 * {@code (badgeId, daysBefore)} for reminders), so a redelivery after a crash part-way through finishes the work
 * and a second event about the same badge changes nothing. Closing is a conditional write from {@code ACTIVE},
 * so it cannot race the expiry job into both outcomes.
 */
@Service
public class BadgeEvents {

    private static final Logger log = LoggerFactory.getLogger(BadgeEvents.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final MailTemplates templates;
    private final MailOutbox mail;
    private final Inbox inbox;
    private final Reminders reminders;
    private final Recipients recipients;

    BadgeEvents(
            MongoTemplate mongo,
            Clock clock,
            MailTemplates templates,
            MailOutbox mail,
            Inbox inbox,
            Reminders reminders,
            Recipients recipients) {
        this.mongo = mongo;
        this.clock = clock;
        this.templates = templates;
        this.mail = mail;
        this.inbox = inbox;
        this.reminders = reminders;
        this.recipients = recipients;
    }

    /**
     * Applies one event read from {@code badge.events.v1}.
     *
     * @param envelope an envelope whose data is a {@link BadgeEvent}
     * @throws IllegalArgumentException if the envelope does not carry a badge event
     */
    public void apply(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof BadgeEvent event)) {
            throw new IllegalArgumentException("not a badge event: " + envelope.type());
        }
        switch (event) {
            case BadgeIssued issued -> issued(issued);
            case BadgeRevoked revoked ->
                close(revoked.badgeId(), revoked.learnerId(), BadgeStatus.REVOKED, revoked.reason());
        }
    }

    private void issued(BadgeIssued badge) {
        if (badge.renewalOf() != null && !badge.renewalOf().equals(badge.badgeId())) {
            close(badge.renewalOf(), badge.learnerId(), BadgeStatus.RENEWED, badge.badgeId());
        }
        if (follow(badge) != BadgeStatus.ACTIVE) {
            log.info("badge {} was closed before its issuance arrived; nothing to tell", badge.badgeId());
            return;
        }
        String key = "badge-issued|" + badge.badgeId();
        RenderedMail rendered = templates.render("badge-issued", model(badge));
        String address = recipients.of(badge.learnerId()).addressOr(badge.recipientEmail());
        if (address == null) {
            log.warn("badge {} names no recipientEmail; in-app notification only", badge.badgeId());
        } else {
            mail.enqueue(key, badge.learnerId(), address, rendered);
        }
        inbox.add(
                key,
                badge.learnerId(),
                NotificationKind.BADGE_ISSUED,
                rendered.subject(),
                badge.publicUrl(),
                badge.badgeId());
        reminders.schedule(badge);
    }

    /** Stores the badge as {@code ACTIVE} unless it is known; returns its status either way. */
    private BadgeStatus follow(BadgeIssued badge) {
        try {
            mongo.insert(
                    TrackedBadge.active(badge.badgeId(), badge.learnerId(), badge.credentialId(), badge.validUntil()));
            return BadgeStatus.ACTIVE;
        } catch (DuplicateKeyException known) {
            return mongo.findById(badge.badgeId(), TrackedBadge.class).status();
        }
    }

    /** From {@code ACTIVE}, or from unknown (a tombstone), to a closed status; then cancels pending reminders. */
    private void close(String badgeId, String learnerId, BadgeStatus status, String closedBy) {
        Query activeOrAbsent =
                Query.query(Criteria.where("_id").is(badgeId).and("status").is(BadgeStatus.ACTIVE));
        Update close = new Update()
                .set("status", status)
                .set("closedBy", closedBy)
                .set("closedAt", clock.instant())
                .setOnInsert("learnerId", learnerId)
                .inc("version", 1);
        try {
            mongo.upsert(activeOrAbsent, close, TrackedBadge.class);
        } catch (DuplicateKeyException alreadyClosed) {
            log.debug("badge {} is already closed; {} changes nothing", badgeId, status);
        }
        long cancelled = reminders.cancelPending(badgeId, status.name().toLowerCase(Locale.ROOT));
        log.info("badge {} {}: {} pending reminders cancelled", badgeId, status, cancelled);
    }

    private static Map<String, Object> model(BadgeIssued badge) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", badge.recipientName());
        model.put("achievementName", badge.achievementName());
        model.put("publicUrl", badge.publicUrl());
        model.put("validUntil", MailTemplates.utc(badge.validUntil()));
        return model;
    }
}
