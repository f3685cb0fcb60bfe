package org.credstack.badge.issuing;

import java.time.Instant;

/**
 * That, when and why an issued credential was revoked.
 *
 * @param revokedAt when, UTC
 * @param reason why, as the provider's staff gave it
 */
public record Revocation(Instant revokedAt, String reason) {}
