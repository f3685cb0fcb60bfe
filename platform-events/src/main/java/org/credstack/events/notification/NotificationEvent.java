package org.credstack.events.notification;

import java.time.Instant;

/** Events on {@code notification.events.v1} (key = learner id). */
public sealed interface NotificationEvent permits ReminderSent, BadgeExpired {

    /** The credential concerned. */
    String badgeId();

    /** The learner; the record key. */
    String learnerId();

    /** Business time of the fact, UTC. */
    Instant occurredAt();
}
