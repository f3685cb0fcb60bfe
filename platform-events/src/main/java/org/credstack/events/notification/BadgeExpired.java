package org.credstack.events.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A credential reached its {@code validUntil} without being renewed or revoked.
 *
 * @param badgeId the credential
 * @param learnerId the learner
 * @param credentialId the catalog credential
 * @param occurredAt its {@code validUntil}, UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BadgeExpired(String badgeId, String learnerId, String credentialId, Instant occurredAt)
        implements NotificationEvent {}
