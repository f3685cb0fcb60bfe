package org.credstack.runtime.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * The operations endpoints ({@link OperationsController}) in every service with a servlet web layer and a {@code
 * spring.application.name}; {@code credstack.runtime.operations.enabled=false} turns them off. The {@link
 * RecentCounts} they read is the runtime's ({@code RuntimeAutoConfiguration}).
 */
@AutoConfiguration(afterName = "org.credstack.runtime.RuntimeAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty("spring.application.name")
@ConditionalOnBooleanProperty(name = "credstack.runtime.operations.enabled", matchIfMissing = true)
public class OperationsAutoConfiguration {

    /** How long one lag measurement is answered again, so the pages cannot hammer the broker. */
    static final Duration LAG_CACHE = Duration.ofSeconds(5);

    /** The service's one consumer group is {@code spring.application.name} (MessagingDefaults). */
    @Bean
    ConsumerLag consumerLag(
            @Value("${spring.application.name}") String application, KafkaProperties kafka, Clock clock) {
        return new ConsumerLag(List.of(application), Admin.create(kafka.buildAdminProperties()), clock, LAG_CACHE);
    }

    @Bean
    OperationsController operationsController(ConsumerLag lag, RecentCounts counts) {
        return new OperationsController(lag, counts);
    }
}
