package org.credstack.runtime.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The messaging metrics of every service that binds Kafka consumers: {@link DeadLetterCounter} (docs/metrics.md).
 * Inert where the Kafka binder is not on the class path.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction")
public class MessagingMetricsAutoConfiguration {

    /** Registered with a count of 0 for each topic the service's consumer bindings read, so the series exist. */
    @Bean
    @ConditionalOnMissingBean(DlqPartitionFunction.class)
    DeadLetterCounter deadLetterCounter(MeterRegistry meters, Environment environment) {
        DeadLetterCounter counter = new DeadLetterCounter(meters);
        MessagingDefaults.consumerBindings(Binder.get(environment))
                .forEach((name, binding) -> counter.counter(binding.destination(name)));
        return counter;
    }
}
