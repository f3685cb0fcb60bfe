package org.credstack.events.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The learner was reminded that a credential expires soon.
 *
 * @param badgeId the credential
 * @param learnerId the learner
 * @param daysBefore how many days before {@code validUntil} this reminder was due
 * @param validUntil the credential's {@code validUntil}, UTC
 * @param occurredAt when it was sent, UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReminderSent(String badgeId, String learnerId, int daysBefore, Instant validUntil, Instant occurredAt)
        implements NotificationEvent {}
