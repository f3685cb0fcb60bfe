package org.credstack.notification.delivery;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One e-mail in the delivery log (collection {@value #COLLECTION}). It is stored before any SMTP traffic and
 * sent from the store, so an SMTP outage delays it but does not lose it.
 *
 * @param id derived from {@code key}, so the same notification is stored once however often it is asked for
 * @param key the business key, e.g. {@code badge-issued|<badgeId>}
 * @param learnerId the learner
 * @param recipient the {@code To} address
 * @param subject the rendered subject
 * @param body the rendered plain-text body, ending with the unsubscribe link
 * @param unsubscribeUrl the {@code List-Unsubscribe} link (RFC 8058); {@code null} on e-mails stored before it
 * @param status see {@link DeliveryStatus}
 * @param attempts SMTP attempts so far
 * @param createdAt when it was stored, UTC
 * @param nextAttemptAt when it may be (re)tried; absent once sent or given up
 * @param claimedBy the instance sending it now
 * @param leaseUntil until when the claim holds
 * @param sentAt when the SMTP server accepted it
 * @param lastError the last SMTP failure, in words
 * @param traceparent the W3C {@code traceparent} of the span that stored it (the consumed event's), so sending it
 *     continues that trace; {@code null} when there was none or on e-mails stored before it
 */
@Document(EmailDelivery.COLLECTION)
@CompoundIndex(name = "status", def = "{'status': 1}")
@CompoundIndex(name = "learner", def = "{'learnerId': 1}")
record EmailDelivery(
        @Id String id,
        String key,
        String learnerId,
        String recipient,
        String subject,
        String body,
        String unsubscribeUrl,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        String claimedBy,
        Instant leaseUntil,
        Instant sentAt,
        String lastError,
        String traceparent) {

    static final String COLLECTION = "deliveries";

    static EmailDelivery pending(
            String id,
            String key,
            String learnerId,
            String recipient,
            RenderedMail mail,
            String unsubscribeUrl,
            Instant now,
            String traceparent) {
        return new EmailDelivery(
                id,
                key,
                learnerId,
                recipient,
                mail.subject(),
                mail.body(),
                unsubscribeUrl,
                DeliveryStatus.PENDING,
                0,
                now,
                now,
                null,
                null,
                null,
                null,
                traceparent);
    }

    /**
     * The wait before the next attempt: {@code initial} after the first failure, doubling after each further
     * one, never longer than {@code max}.
     *
     * @param failedAttempts attempts that failed so far, at least 1
     */
    static Duration retryDelay(int failedAttempts, Duration initial, Duration max) {
        return Duration.ofMillis(
                IntervalFunction.ofExponentialBackoff(initial, 2.0, max).apply(failedAttempts));
    }
}
