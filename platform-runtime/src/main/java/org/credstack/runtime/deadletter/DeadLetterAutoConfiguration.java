package org.credstack.runtime.deadletter;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.credstack.runtime.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The dead-letter endpoints ({@link DeadLetterController}) in every service with a servlet web layer and a
 * {@code spring.application.name}. {@code credstack.runtime.dead-letters.enabled=false} turns them off.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty("spring.application.name")
@ConditionalOnBooleanProperty(name = "credstack.runtime.dead-letters.enabled", matchIfMissing = true)
public class DeadLetterAutoConfiguration {

    /** Replays go out like the outbox's events: idempotent producer, {@code acks=all}, raw bytes. */
    @Bean
    DeadLetters deadLetters(
            @Value("${spring.application.name}") String application,
            KafkaProperties kafka,
            MongoTemplate mongo,
            Clock clock) {
        Map<String, Object> producerConfig = new HashMap<>(kafka.buildProducerProperties());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        KafkaTemplate<byte[], byte[]> producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig));
        return new DeadLetters(application, kafka.buildConsumerProperties(), producer, mongo, clock);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters, ObjectProvider<AuditLog> auditLog) {
        return new DeadLetterController(deadLetters, auditLog);
    }
}
