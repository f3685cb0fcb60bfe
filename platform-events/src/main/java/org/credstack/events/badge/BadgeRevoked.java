package org.credstack.events.badge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * An issued credential was revoked (its status list bit is set).
 *
 * @param badgeId the credential id
 * @param learnerId the learner
 * @param reason why, in words
 * @param occurredAt when it was revoked, UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BadgeRevoked(String badgeId, String learnerId, String reason, Instant occurredAt) implements BadgeEvent {}
