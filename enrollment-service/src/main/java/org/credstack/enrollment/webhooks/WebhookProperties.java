package org.credstack.enrollment.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the signed completion webhooks ({@code credstack.enrollment.webhooks.*}).
 *
 * @param tolerance how far {@code webhook-timestamp} may lie from this service's clock, either way; default 5 minutes,
 *     as the Standard Webhooks reference libraries use. Also how long an accepted {@code webhook-id} is remembered
 *     after its timestamp.
 * @param rotationOverlap how long the old secret stays valid after a rotation; default 24 hours
 * @param maxSecrets how many secrets a provider may hold valid at once; default 2 (the current one and the one being
 *     rotated out)
 * @param sweepInterval how often remembered {@code webhook-id}s past the tolerance are removed; default 1 minute
 */
@ConfigurationProperties("credstack.enrollment.webhooks")
record WebhookProperties(
        @DefaultValue("PT5M") Duration tolerance,
        @DefaultValue("PT24H") Duration rotationOverlap,
        @DefaultValue("2") int maxSecrets,
        @DefaultValue("PT1M") Duration sweepInterval) {

    WebhookProperties {
        if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("credstack.enrollment.webhooks.tolerance is positive");
        }
        if (rotationOverlap == null || rotationOverlap.isNegative()) {
            throw new IllegalArgumentException("credstack.enrollment.webhooks.rotation-overlap is zero or positive");
        }
        if (maxSecrets < 2) {
            throw new IllegalArgumentException("credstack.enrollment.webhooks.max-secrets is at least 2 (rotation)");
        }
    }
}
