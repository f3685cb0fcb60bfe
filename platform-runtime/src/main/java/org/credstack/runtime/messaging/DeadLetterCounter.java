package org.credstack.runtime.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

/**
 * Counts every record the Kafka binder sends to a dead-letter topic in {@value #NAME}, tagged with the {@code topic}
 * the record came from (the consumer group is the service, already in the {@code application} tag).
 *
 * <p>The binder asks this function for the dead-letter partition of each record it dead-letters, once per record, so
 * it is where the count is cheap and exact. It answers the record's own partition, as the binder does when {@code
 * dlqPartitions} is not set (CredStack never sets it): the dead-letter topic has as many partitions as its topic, and
 * a learner's records stay together there too.
 *
 * <p>The counters of the topics the service's consumer bindings read are registered at start with 0, so a dashboard
 * and an alert see the series before the first dead letter.
 */
public final class DeadLetterCounter implements DlqPartitionFunction {

    /** Records sent to a dead-letter topic; Prometheus {@code credstack_dead_letters_total}. */
    public static final String NAME = "credstack.dead.letters";

    private final MeterRegistry meters;

    public DeadLetterCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable failure) {
        counter(record.topic()).increment();
        return record.partition();
    }

    /** The counter of one source topic; the registry returns the same meter for the same topic. */
    Counter counter(String topic) {
        return Counter.builder(NAME)
                .description("records sent to a dead-letter topic, by the topic they came from")
                .tag("topic", topic)
                .register(meters);
    }
}
