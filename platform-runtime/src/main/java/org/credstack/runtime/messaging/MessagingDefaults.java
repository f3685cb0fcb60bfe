package org.credstack.runtime.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.credstack.events.MalformedEventException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * The Spring Cloud Stream settings every consumer binding of every service shares, set in one place.
 *
 * <p>For each consumer binding ({@code <name>-in-<n>}), as the lowest-precedence property source, so a
 * service's own {@code application.yml} still wins where it says something:
 *
 * <ul>
 *   <li>consumer group {@code spring.application.name}, reading a new group from the earliest offset;
 *   <li>as many consumer threads as each topic has partitions ({@code credstack.runtime.topic-partitions}),
 *       so a service keeps up with every partition; records of one key (one learner) stay on one thread, in order;
 *   <li>retries and back-off from {@link MessagingProperties} ({@code credstack.messaging.*});
 *   <li>not retried: {@link #NOT_RETRIED} plus the service's {@code credstack.messaging.not-retried};
 *   <li>dead-lettering on, to {@link DeadLetterTopic#name} of the binding's destination and group (set per
 *       binding, so the binder also creates that topic);
 *   <li>offsets committed every {@code credstack.messaging.offset-commit-interval} ({@code AckMode.TIME}), not after
 *       every record;
 *   <li>native decoding: the record's value reaches the function as the {@code byte[]} the Kafka deserializer made
 *       ({@code use-native-decoding}), so Spring Cloud Function converts nothing. Every consumer reads a {@code
 *       Message<byte[]>} and parses the envelope itself ({@code EventEnvelope.read}); without this, each record went
 *       through the JSON message converter and the CloudEvents header canonicaliser for nothing (about a tenth of
 *       notification-service's CPU under load). The dead-letter producer then needs its serialisers named, which
 *       are the binder's own {@code byte[]} ones.
 * </ul>
 *
 * <p>A service therefore declares only its function definition and each binding's {@code destination}
 * (one topic per binding; without one, Spring Cloud Stream uses the binding name). The Kafka binder
 * reads its brokers from {@code spring.kafka.bootstrap-servers}.
 *
 * <p>Does nothing where the Spring Cloud Stream Kafka binder is not on the class path.
 *
 * @throws IllegalStateException (at start-up) if there are consumer bindings but no {@code
 *     spring.application.name} to name their group
 */
class MessagingDefaults implements EnvironmentPostProcessor {

    /** Failures that the same record would meet again on every attempt. */
    static final List<Class<? extends Throwable>> NOT_RETRIED =
            List.of(MalformedEventException.class, IllegalArgumentException.class);

    private static final String BINDER = "org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder";
    private static final String DEFAULT_CONSUMER = "spring.cloud.stream.default.consumer.";
    private static final String KAFKA_DEFAULT_CONSUMER = "spring.cloud.stream.kafka.default.consumer.";
    private static final String BYTES = "org.apache.kafka.common.serialization.ByteArraySerializer";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ClassUtils.isPresent(BINDER, application.getClassLoader())) {
            return;
        }
        Binder binder = Binder.get(environment);
        MessagingProperties messaging = binder.bindOrCreate("credstack.messaging", MessagingProperties.class);
        Map<String, ConsumerBinding> consumers = consumerBindings(binder);
        String group = environment.getProperty("spring.application.name");
        if (group == null || group.isBlank()) {
            if (!consumers.isEmpty()) {
                throw new IllegalStateException("consumer bindings " + consumers.keySet()
                        + " need spring.application.name: it is their consumer group");
            }
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.cloud.stream.kafka.binder.brokers", "${spring.kafka.bootstrap-servers:localhost:9092}");
        defaults.put("spring.cloud.stream.default.group", group);
        defaults.put(DEFAULT_CONSUMER + "concurrency", "${credstack.runtime.topic-partitions:3}");
        defaults.put(DEFAULT_CONSUMER + "max-attempts", messaging.maxAttempts());
        defaults.put(
                DEFAULT_CONSUMER + "back-off-initial-interval",
                messaging.backOffInitial().toMillis());
        defaults.put(DEFAULT_CONSUMER + "back-off-multiplier", messaging.backOffMultiplier());
        defaults.put(
                DEFAULT_CONSUMER + "back-off-max-interval",
                messaging.backOffMax().toMillis());
        Stream.concat(NOT_RETRIED.stream(), messaging.notRetried().stream())
                .forEach(
                        type -> defaults.put(DEFAULT_CONSUMER + "retryable-exceptions[" + type.getName() + "]", false));
        defaults.put(DEFAULT_CONSUMER + "use-native-decoding", true);
        defaults.put(KAFKA_DEFAULT_CONSUMER + "dlq-producer-properties.configuration.key.serializer", BYTES);
        defaults.put(KAFKA_DEFAULT_CONSUMER + "dlq-producer-properties.configuration.value.serializer", BYTES);
        defaults.put(KAFKA_DEFAULT_CONSUMER + "enable-dlq", true);
        defaults.put(KAFKA_DEFAULT_CONSUMER + "start-offset", "earliest");
        defaults.put(KAFKA_DEFAULT_CONSUMER + "ack-mode", "TIME");
        defaults.put(
                KAFKA_DEFAULT_CONSUMER + "ack-time",
                messaging.offsetCommitInterval().toMillis() + "ms");
        consumers.forEach((name, binding) -> defaults.put(
                "spring.cloud.stream.kafka.bindings." + name + ".consumer.dlq-name",
                DeadLetterTopic.name(binding.destination(name), binding.group(group))));
        environment.getPropertySources().addLast(new MapPropertySource("credstackMessagingDefaults", defaults));
    }

    /** The consumer bindings ({@code <name>-in-<n>}) by name. */
    static Map<String, ConsumerBinding> consumerBindings(Binder binder) {
        Map<String, ConsumerBinding> consumers = new LinkedHashMap<>();
        binder.bind("spring.cloud.stream.bindings", Bindable.mapOf(String.class, ConsumerBinding.class))
                .orElseGet(Map::of)
                .forEach((name, binding) -> {
                    if (name.matches(".+-in-\\d+")) {
                        consumers.put(name, binding);
                    }
                });
        return consumers;
    }

    /** The part of {@code spring.cloud.stream.bindings.<name>} that names the dead-letter topic. */
    record ConsumerBinding(String destination, String group) {

        String destination(String bindingName) {
            return destination == null ? bindingName : destination;
        }

        String group(String application) {
            return group == null ? application : group;
        }
    }
}
