package org.credstack.enrollment.webhooks;

import java.time.Duration;
import java.time.Instant;
import org.credstack.enrollment.problem.DomainException;

/**
 * 401 {@code webhook-timestamp-outside-tolerance}: a correctly signed delivery whose {@code webhook-timestamp} lies
 * further than the tolerance from this service's clock (Standard Webhooks 1.0.0, "Verifying signatures": replay
 * protection). The sender retries with a fresh timestamp.
 */
class WebhookTimestampOutsideTolerance extends DomainException {

    WebhookTimestampOutsideTolerance(Instant timestamp, Instant now, Duration tolerance) {
        super(
                Reason.UNAUTHENTICATED,
                "webhook-timestamp",
                "webhook-timestamp " + timestamp + " is more than the tolerance of " + tolerance.toSeconds()
                        + " seconds (" + tolerance + ") from the server time " + now);
    }
}
