package org.credstack.notification.badge;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.credstack.events.notification.BadgeExpired;
import org.credstack.notification.NotificationProperties;
import org.credstack.notification.reminder.Reminders;
import org.credstack.runtime.Outbox;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Emits {@code BadgeExpired} for every followed credential whose {@code validUntil} has come (by the injected
 * clock) while it is still {@code ACTIVE}, i.e. neither renewed nor revoked. The status change and the event are
 * one conditional single-document update from {@code ACTIVE}, so across any number of instances each credential
 * expires exactly once, and a revocation or renewal that wins the race leaves nothing to expire.
 */
@Component
public class BadgeExpiry {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final NotificationProperties properties;
    private final Reminders reminders;
    private final Outbox outbox;

    BadgeExpiry(
            MongoTemplate mongo, Clock clock, NotificationProperties properties, Reminders reminders, Outbox outbox) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        this.reminders = reminders;
        this.outbox = outbox;
    }

    /**
     * Expires what is due now, at most {@code batch-size} credentials.
     *
     * @return ids of the credentials this instance expired
     */
    public List<String> expireDue() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("status")
                        .is(BadgeStatus.ACTIVE)
                        .and("validUntil")
                        .lte(now))
                .with(Sort.by("validUntil"))
                .limit(properties.batchSize());
        List<String> expired = new ArrayList<>();
        for (TrackedBadge badge : mongo.find(due, TrackedBadge.class)) {
            if (expire(badge, now)) {
                expired.add(badge.id());
                reminders.cancelPending(badge.id(), "expired");
            }
        }
        if (!expired.isEmpty()) {
            expired.forEach(id -> outbox.publish(TrackedBadge.COLLECTION, id));
        }
        return expired;
    }

    private boolean expire(TrackedBadge badge, Instant now) {
        BadgeExpired event = new BadgeExpired(badge.id(), badge.learnerId(), badge.credentialId(), badge.validUntil());
        Update expire = new Update()
                .set("status", BadgeStatus.EXPIRED)
                .set("closedAt", now)
                .push("pendingEvents", outbox.stageForUpdate(event))
                .inc("version", 1);
        Query stillActive =
                Query.query(Criteria.where("_id").is(badge.id()).and("status").is(BadgeStatus.ACTIVE));
        return mongo.updateFirst(stillActive, expire, TrackedBadge.class).getModifiedCount() == 1;
    }
}
