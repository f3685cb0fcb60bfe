package org.credstack.notification.reminder;

import java.time.Instant;
import java.util.List;
import org.credstack.runtime.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reminder of one credential (collection {@value #COLLECTION}); unique on {@code (badgeId, daysBefore)},
 * the business key. Carries what the e-mail needs (the learner's current address and preferences excepted). Its
 * {@code pendingEvents} hold the {@code ReminderSent} until the outbox relay publishes it.
 *
 * @param id a name-based UUID of {@code badgeId|daysBefore}
 * @param badgeId the credential
 * @param learnerId the learner
 * @param daysBefore days before {@code validUntil}
 * @param dueAt {@code validUntil - daysBefore × 24 h}, UTC
 * @param validUntil the credential's {@code validUntil}, UTC
 * @param achievementName for the e-mail
 * @param recipientEmail for the e-mail
 * @param recipientName for the e-mail
 * @param publicUrl the credential's public page
 * @param credentialId the catalog credential, for the renewal link; {@code null} on reminders stored before it
 * @param digestKey {@code learnerId|<UTC date of dueAt>}: the reminders one day's digest e-mail gathers;
 *     {@code null} on reminders stored before digests (each is then sent alone)
 * @param batchId the reminder that led the digest this one is sent in (set when claimed); the digest e-mail's key
 * @param status see {@link ReminderStatus}
 * @param scheduledAt when it was stored, UTC
 * @param claimedBy the instance sending it now
 * @param leaseUntil until when that claim holds
 * @param sentAt when it was sent, UTC
 * @param note why it was skipped or cancelled
 * @param pendingEvents events not yet published (mapped so that no save can drop them)
 * @param version the optimistic lock, incremented by every update
 */
@Document(Reminder.COLLECTION)
@CompoundIndexes({
    @CompoundIndex(name = "badge_offset", def = "{'badgeId': 1, 'daysBefore': 1}", unique = true),
    @CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}"),
    @CompoundIndex(name = "learner", def = "{'learnerId': 1, 'dueAt': 1}"),
    @CompoundIndex(name = "badge", def = "{'badgeId': 1}"),
    @CompoundIndex(name = "digest", def = "{'digestKey': 1}"),
    @CompoundIndex(name = "batch", def = "{'batchId': 1}")
})
record Reminder(
        @Id String id,
        String badgeId,
        String learnerId,
        int daysBefore,
        Instant dueAt,
        Instant validUntil,
        String achievementName,
        String recipientEmail,
        String recipientName,
        String publicUrl,
        String credentialId,
        String digestKey,
        String batchId,
        ReminderStatus status,
        Instant scheduledAt,
        String claimedBy,
        Instant leaseUntil,
        Instant sentAt,
        String note,
        List<PendingEvent> pendingEvents,
        @Version Long version) {

    static final String COLLECTION = "reminders";
}
