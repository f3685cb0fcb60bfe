package org.credstack.notification.badge;

/** The life of an issued credential as this service follows it. Only {@code ACTIVE} ever changes. */
enum BadgeStatus {
    /** Issued; reminders and expiry ahead. */
    ACTIVE,
    /** Revoked by its issuer ({@code BadgeRevoked}). */
    REVOKED,
    /** Replaced by a renewal ({@code BadgeIssued} with {@code renewalOf}). */
    RENEWED,
    /** Reached {@code validUntil}; {@code BadgeExpired} emitted. */
    EXPIRED
}
