package org.credstack.events.notification;

import java.time.Instant;

/**
 * A credential reached its {@code validUntil} without being renewed or revoked.
 *
 * @param badgeId the credential
 * @param learnerId the learner
 * @param credentialId the catalog credential
 * @param occurredAt its {@code validUntil}, UTC
 */
public record BadgeExpired(String badgeId, String learnerId, String credentialId, Instant occurredAt)
        implements NotificationEvent {}
