package org.credstack.enrollment.enrollment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.credstack.events.enrollment.EnrollmentKind;
import org.springframework.stereotype.Component;

/**
 * The enrollment service's business counters (docs/metrics.md), registered once so counting is an increment:
 *
 * <ul>
 *   <li>{@value #RECEIVED}, tag {@code channel}: completion reports as they reach the service, before
 *       de-duplication by statement id: for {@code xapi} every statement of an accepted batch (the xAPI unit of report,
 *       a completion only when it meets an assignment's {@code moveOn}), for the others every report accepted (a
 *       webhook retry under a {@code webhook-id} seen before is not counted again).
 *   <li>{@value #COMPLETED}, tag {@code kind} ({@code initial}, {@code renewal}): enrollments whose completion rule
 *       was met, counted once each, when {@code EnrollmentCompleted} is saved.
 * </ul>
 */
@Component
public class CompletionMetrics {

    /** Completion reports received; Prometheus {@code credstack_completions_received_total}. */
    public static final String RECEIVED = "credstack.completions.received";

    /** Enrollments completed; Prometheus {@code credstack_enrollments_completed_total}. */
    public static final String COMPLETED = "credstack.enrollments.completed";

    /** How a completion reached the service. */
    public enum Channel {
        /** An xAPI statement on {@code /xapi/statements}. */
        XAPI,
        /** A {@code CompletionReported} record on {@code partner.completions.v1}. */
        PARTNER_TOPIC,
        /** A signed CloudEvents webhook. */
        WEBHOOK,
        /** The provider marked an assignment done. */
        PROVIDER,
        /** The learner marked a self-paced assignment done. */
        LEARNER;

        /** The tag value: {@code xapi}, {@code partner-topic}, ... */
        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Channel, Counter> received = new EnumMap<>(Channel.class);
    private final Map<EnrollmentKind, Counter> completed = new EnumMap<>(EnrollmentKind.class);

    public CompletionMetrics(MeterRegistry meters) {
        for (Channel channel : Channel.values()) {
            received.put(
                    channel,
                    Counter.builder(RECEIVED)
                            .description("completion reports received, by the channel they came through")
                            .tag("channel", channel.tag())
                            .register(meters));
        }
        for (EnrollmentKind kind : EnrollmentKind.values()) {
            completed.put(
                    kind,
                    Counter.builder(COMPLETED)
                            .description("enrollments whose completion rule was met")
                            .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    /** Counts {@code count} reports received through a channel. */
    public void received(Channel channel, int count) {
        received.get(channel).increment(count);
    }

    void completed(EnrollmentKind kind) {
        completed.get(kind).increment();
    }
}
