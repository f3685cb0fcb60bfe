package org.credstack.runtime;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every service, prefix {@code credstack.runtime}.
 *
 * @param outboxCollections Mongo collections whose documents carry {@code pendingEvents}; empty turns
 *     the relay off
 * @param outboxPollInterval how often the relay looks for pending events
 * @param topicPartitions partitions of each topic this service creates
 * @param topicReplicas replication factor of each topic this service creates
 * @param maxRequestSize the largest HTTP request body accepted; larger ones get 413
 */
@Validated
@ConfigurationProperties("credstack.runtime")
public record RuntimeProperties(
        @DefaultValue List<String> outboxCollections,
        @DefaultValue("500ms") Duration outboxPollInterval,
        @DefaultValue("3") @Min(1) int topicPartitions,
        @DefaultValue("1") @Min(1) short topicReplicas,
        @DefaultValue("1MB") DataSize maxRequestSize) {}
