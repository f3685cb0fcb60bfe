package org.credstack.runtime;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.credstack.events.Topic;
import org.credstack.runtime.operations.RecentCounts;
import org.credstack.runtime.tracing.TraceContextHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every CredStack service gets the same way: the injected {@link Clock} (UTC), MongoDB health by
 * {@code ping}, the v1 topics created with their cleanup policy, the {@link Outbox} and its {@link OutboxRelay} over
 * the service's {@link OutboxCollection} beans, the {@link RecentCounts} of the last hour, and the {@link ConflictRetry}
 * for optimistic-lock conflicts.
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

    /** The outbox producer: idempotent, {@code acks=all}, raw JSON bytes as value, {@code linger.ms} on purpose. */
    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            KafkaProperties kafka,
            RuntimeProperties properties,
            ObjectProvider<OutboxCollection> collections,
            MeterRegistry meters,
            Clock clock,
            RecentCounts recentCounts) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(
                ProducerConfig.LINGER_MS_CONFIG, (int) properties.outboxLinger().toMillis());
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        // the relay logs each failure itself, once and at the right level
        template.setProducerListener(new ProducerListener<>() {});
        List<String> names =
                collections.orderedStream().map(OutboxCollection::name).toList();
        return new OutboxRelay(mongo, template, names, meters, clock, recentCounts);
    }

    /** What the service did in the last hour, by minute: the relay's published events and the service's own counts. */
    @Bean
    @ConditionalOnMissingBean
    RecentCounts recentCounts(Clock clock) {
        return new RecentCounts(clock);
    }

    /** Staging and publishing for the service's aggregates, each event with the trace context that staged it. */
    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(
            OutboxRelay relay, MongoTemplate mongo, JsonMapper json, Clock clock, TraceContextHeaders traceContext) {
        return new Outbox(relay, mongo.getConverter(), json, clock, traceContext);
    }

    /** The trace context to store with work done later: events in the outbox, e-mails in the delivery log. */
    @Bean
    @ConditionalOnMissingBean
    TraceContextHeaders traceContextHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContextHeaders(tracer.getIfUnique(), propagator.getIfUnique());
    }

    /** Keeps a mapped save from dropping an aggregate's {@code pendingEvents} or {@code version}. */
    @Bean
    AggregateShapeGuard aggregateShapeGuard(ObjectProvider<OutboxCollection> collections) {
        return new AggregateShapeGuard(
                collections.orderedStream().map(OutboxCollection::name).collect(Collectors.toSet()));
    }

    /** The {@value ConflictRetry#NAME} retry, with its metrics in the service's registry. */
    @Bean
    @ConditionalOnMissingBean
    ConflictRetry conflictRetry(RuntimeProperties properties, MeterRegistry meters) {
        RuntimeProperties.ConflictRetryProperties settings = properties.conflictRetry();
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0))
                .retryExceptions(OptimisticLockingFailureException.class)
                .build();
        RetryRegistry registry = RetryRegistry.of(config);
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return new ConflictRetry(registry.retry(ConflictRetry.NAME));
    }
}
