package org.credstack.notification.reminder;

/** Where a reminder is. Only {@code PENDING} and {@code SENDING} ever change. */
enum ReminderStatus {
    /** Waiting for its {@code dueAt}. */
    PENDING,
    /** Claimed by one instance, which is sending it. */
    SENDING,
    /** E-mail and in-app notification stored; {@code ReminderSent} emitted. */
    SENT,
    /** Not sent: past when scheduled, superseded by a later one, or after {@code validUntil}. */
    SKIPPED,
    /** Not sent: the credential was revoked or renewed first. */
    CANCELLED
}
