package org.credstack.notification.inbox;

/** What an in-app notification is about. */
public enum NotificationKind {
    /** A credential was issued to the learner. */
    BADGE_ISSUED,
    /** A credential expires soon. */
    EXPIRY_REMINDER
}
