package org.credstack.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.mock.env.MockEnvironment;

class MessagingDefaultsTest {

    private final MessagingDefaults defaults = new MessagingDefaults();

    @Test
    void namesEachConsumerBindingsDeadLetterTopicAfterItsDestinationAndGroup() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "badge-service")
                .withProperty("spring.cloud.stream.bindings.enrollment-in-0.destination", "enrollment.events.v1")
                .withProperty("spring.cloud.stream.bindings.catalogReplica-in-0.destination", "catalog.credentials.v1")
                .withProperty("spring.cloud.stream.bindings.issued-out-0.destination", "badge.events.v1");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.cloud.stream.kafka.bindings.enrollment-in-0.consumer.dlq-name"))
                .isEqualTo("enrollment.events.v1.badge-service.dlq");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.bindings.catalogReplica-in-0.consumer.dlq-name"))
                .isEqualTo("catalog.credentials.v1.badge-service.dlq");
        assertThat(environment.containsProperty("spring.cloud.stream.kafka.bindings.issued-out-0.consumer.dlq-name"))
                .isFalse();
    }

    @Test
    void leavesWhatTheServiceSetsItself() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "badge-service")
                .withProperty("spring.cloud.stream.default.consumer.max-attempts", "6");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.cloud.stream.default.consumer.max-attempts"))
                .isEqualTo("6");
        assertThat(environment.getProperty("spring.cloud.stream.default.group")).isEqualTo("badge-service");
    }

    @Test
    void runsOneConsumerThreadPerPartition() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "badge-service")
                .withProperty("credstack.runtime.topic-partitions", "6");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.cloud.stream.default.consumer.concurrency"))
                .isEqualTo("6");
    }

    @Test
    void decodesNativelySoNoConverterRunsAndNamesTheDeadLetterSerialisers() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "badge-service");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        ConsumerProperties consumer = Binder.get(environment)
                .bind("spring.cloud.stream.default.consumer", ConsumerProperties.class)
                .get();
        assertThat(consumer.isUseNativeDecoding()).isTrue();
        // without them, the binder refuses to dead-letter a natively decoded record
        KafkaConsumerProperties kafka = Binder.get(environment)
                .bind("spring.cloud.stream.kafka.default.consumer", KafkaConsumerProperties.class)
                .get();
        assertThat(kafka.getDlqProducerProperties().getConfiguration())
                .containsEntry("key.serializer", ByteArraySerializer.class.getName())
                .containsEntry("value.serializer", ByteArraySerializer.class.getName());
    }

    @Test
    void commitsOffsetsOnAnIntervalNotAfterEveryRecord() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "badge-service")
                .withProperty("credstack.messaging.offset-commit-interval", "750ms");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        // bound the way the Kafka binder binds every binding's consumer defaults
        KafkaConsumerProperties consumer = Binder.get(environment)
                .bind("spring.cloud.stream.kafka.default.consumer", KafkaConsumerProperties.class)
                .get();
        assertThat(consumer.getAckMode()).isEqualTo(ContainerProperties.AckMode.TIME);
        assertThat(consumer.getAckTime()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void refusesConsumerBindingsWithoutAnApplicationNameForTheirGroup() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.bindings.badge-in-0.destination", "badge.events.v1");

        assertThatIllegalStateException()
                .isThrownBy(() -> defaults.postProcessEnvironment(environment, new SpringApplication()))
                .withMessageContaining("spring.application.name");
    }
}
