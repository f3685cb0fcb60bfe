package org.credstack.badge.issuing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The badge service's business meters (docs/metrics.md), registered once so that counting is an increment:
 *
 * <ul>
 *   <li>{@value #ISSUED}, tag {@code kind}: {@code initial} and {@code renewal} for an enrollment's credential,
 *       {@code stack} for a stack's; once per credential stored, never for a duplicate delivery.
 *   <li>{@value #REVOKED}: credentials revoked, once each (revoking again counts nothing).
 *   <li>{@value #LATENCY}: from the envelope time {@code ce_time} of {@code EnrollmentCompleted} (when
 *       enrollment-service saved the completion) to the credential stored and handed to the outbox, on the injected
 *       {@link Clock}; with the SLO buckets {@link #SLO} so Prometheus can count what met 250 ms, 1 s and 5 s.
 * </ul>
 */
@Component
public class IssuingMetrics {

    /** Credentials issued; Prometheus {@code credstack_credentials_issued_total}. */
    public static final String ISSUED = "credstack.credentials.issued";

    /** Credentials revoked; Prometheus {@code credstack_credentials_revoked_total}. */
    public static final String REVOKED = "credstack.credentials.revoked";

    /** Completion to credential; Prometheus {@code credstack_completion_to_credential_seconds_bucket|_count|_sum}. */
    public static final String LATENCY = "credstack.completion.to.credential";

    /** The latency SLO buckets. */
    public static final Duration[] SLO = {Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private final Counter initial;
    private final Counter renewal;
    private final Counter stack;
    private final Counter revoked;
    private final Timer latency;
    private final Clock clock;

    IssuingMetrics(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.initial = issued(meters, "initial");
        this.renewal = issued(meters, "renewal");
        this.stack = issued(meters, "stack");
        this.revoked =
                Counter.builder(REVOKED).description("credentials revoked").register(meters);
        this.latency = Timer.builder(LATENCY)
                .description("from the enrollment's completion being saved to its credential being issued")
                .serviceLevelObjectives(SLO)
                .register(meters);
    }

    private static Counter issued(MeterRegistry meters, String kind) {
        return Counter.builder(ISSUED)
                .description("credentials issued: an enrollment's (initial, renewal) or a stack's")
                .tag("kind", kind)
                .register(meters);
    }

    void issued(Issuance issuance) {
        if (!issuance.components().isEmpty()) {
            stack.increment();
        } else if (issuance.renewalOf() != null) {
            renewal.increment();
        } else {
            initial.increment();
        }
    }

    void revoked() {
        revoked.increment();
    }

    /** Records the time from a completion's envelope time until now. */
    void completedAt(Instant completionSaved) {
        latency.record(Math.max(0, clock.millis() - completionSaved.toEpochMilli()), TimeUnit.MILLISECONDS);
    }
}
