package org.credstack.notification.delivery;

/** Where an e-mail is in its delivery. */
enum DeliveryStatus {
    /** Stored, not yet tried. */
    PENDING,
    /** Claimed by one instance, which is talking to the SMTP server. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** The last attempt failed; tried again at {@code nextAttemptAt}, or never if that is absent. */
    FAILED
}
