package org.credstack.runtime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every service, prefix {@code credstack.runtime}.
 *
 * @param outboxSweepInterval how often the relay reads every outbox collection for events a crash or a broker
 *     outage left pending (they are otherwise published right after their write)
 * @param outboxLinger the outbox producer's {@code linger.ms}: how long it waits to batch records (each publish
 *     awaits its send, so this adds to every event's latency)
 * @param conflictRetry attempts and back-off of the {@link ConflictRetry}
 * @param topicPartitions partitions of each topic this service creates
 * @param topicReplicas replication factor of each topic this service creates
 * @param maxRequestSize the largest HTTP request body accepted; larger ones get 413
 */
@Validated
@ConfigurationProperties("credstack.runtime")
public record RuntimeProperties(
        @DefaultValue("30s") Duration outboxSweepInterval,
        @DefaultValue("0ms") Duration outboxLinger,
        @DefaultValue @Valid ConflictRetryProperties conflictRetry,
        @DefaultValue("3") @Min(1) int topicPartitions,
        @DefaultValue("1") @Min(1) short topicReplicas,
        @DefaultValue("1MB") DataSize maxRequestSize) {

    /**
     * @param maxAttempts runs of a change in all, the first included
     * @param initialBackoff wait before the second run, doubled (with jitter) before each further one
     */
    public record ConflictRetryProperties(
            @DefaultValue("8") @Min(1) int maxAttempts,
            @DefaultValue("5ms") Duration initialBackoff) {}
}
