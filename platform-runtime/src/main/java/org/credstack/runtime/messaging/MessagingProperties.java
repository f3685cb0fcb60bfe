package org.credstack.runtime.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every consumer binding of a service retries, prefix {@code credstack.messaging}. The defaults are the
 * platform's; a service sets only what is truly its own, typically {@code not-retried}.
 *
 * <p>A record is tried {@code maxAttempts} times in all, waiting {@code backOffInitial}, then that times
 * {@code backOffMultiplier} each time, at most {@code backOffMax}; then it goes to its dead-letter topic
 * ({@link DeadLetterTopic}). Exceptions that retrying cannot cure go there after the first attempt.
 *
 * @param maxAttempts attempts per record, including the first; 1 turns retries off
 * @param backOffInitial wait before the second attempt (millisecond precision)
 * @param backOffMultiplier factor applied to the wait after each further attempt
 * @param backOffMax the longest wait between two attempts
 * @param notRetried this service's own exceptions that are never retried, in addition to {@link
 *     MessagingDefaults#NOT_RETRIED} (a cause anywhere in the chain counts)
 * @param offsetCommitInterval how often a consumer commits the offsets of the records it has handled (Spring Kafka's
 *     {@code AckMode.TIME}); a commit per record cost the broker an offset write and the consumer a blocking round
 *     trip for every record. A crash redelivers at most this much more, which every consumer drops as a duplicate.
 */
@ConfigurationProperties("credstack.messaging")
public record MessagingProperties(
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("500ms") Duration backOffInitial,
        @DefaultValue("2.0") double backOffMultiplier,
        @DefaultValue("10s") Duration backOffMax,
        @DefaultValue List<Class<? extends Throwable>> notRetried,
        @DefaultValue("200ms") Duration offsetCommitInterval) {

    /**
     * @throws IllegalArgumentException if attempts are fewer than one, a wait is negative or the longest
     *     wait is shorter than the first, or the multiplier is below 1
     */
    public MessagingProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "credstack.messaging.max-attempts must be at least 1, was " + maxAttempts);
        }
        if (backOffInitial.isNegative() || backOffMax.compareTo(backOffInitial) < 0) {
            throw new IllegalArgumentException("credstack.messaging back-off must satisfy 0 <= back-off-initial ("
                    + backOffInitial + ") <= back-off-max (" + backOffMax + ")");
        }
        if (backOffMultiplier < 1.0) {
            throw new IllegalArgumentException(
                    "credstack.messaging.back-off-multiplier must be at least 1, was " + backOffMultiplier);
        }
        if (offsetCommitInterval.isNegative() || offsetCommitInterval.isZero()) {
            throw new IllegalArgumentException(
                    "credstack.messaging.offset-commit-interval must be positive, was " + offsetCommitInterval);
        }
        notRetried = List.copyOf(notRetried);
    }
}
