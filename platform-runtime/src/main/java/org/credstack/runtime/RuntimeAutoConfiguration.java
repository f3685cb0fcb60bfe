package org.credstack.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.credstack.events.Topic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * What every CredStack service gets the same way: the injected {@link Clock} (UTC), MongoDB health by
 * {@code ping}, the v1 topics created with their cleanup policy, and the {@link OutboxRelay} over the
 * collections named in {@code credstack.runtime.outbox-collections}.
 */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties(RuntimeProperties.class)
public class RuntimeAutoConfiguration {

    /** The one clock of the service; tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The consumers' memory of handled {@code ce_id}s. */
    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
        return new ProcessedEvents(mongo, clock);
    }

    /** Named so that it replaces Boot's {@code hello}-based Mongo indicator. */
    @Bean(name = "mongoHealthContributor")
    MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    KafkaAdmin.NewTopics credstackTopics(RuntimeProperties properties) {
        return new KafkaAdmin.NewTopics(Arrays.stream(Topic.values())
                .map(topic -> newTopic(topic, properties))
                .toArray(NewTopic[]::new));
    }

    private static NewTopic newTopic(Topic topic, RuntimeProperties properties) {
        return TopicBuilder.name(topic.topicName())
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicas())
                .config(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE)
                .build();
    }

    /** The outbox producer: idempotent, {@code acks=all}, raw JSON bytes as value. */
    @Bean
    @ConditionalOnExpression("!'${credstack.runtime.outbox-collections:}'.isEmpty()")
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            KafkaProperties kafka,
            RuntimeProperties properties,
            MeterRegistry meters,
            Clock clock) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        // the relay logs each failure itself, once and at the right level
        template.setProducerListener(new ProducerListener<>() {});
        return new OutboxRelay(mongo, template, properties.outboxCollections(), meters, clock);
    }
}
