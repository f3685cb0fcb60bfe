package org.credstack.badge;

import java.util.function.Consumer;
import org.credstack.badge.catalog.CatalogReplica;
import org.credstack.badge.issuing.BadgeIssuing;
import org.credstack.events.EventEnvelope;
import org.credstack.events.Topic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring Cloud Stream consumers of the badge service. Each reads the CloudEvents envelope and hands
 * the event to its feature; retries, back-off and the dead-letter topics are the binder's (see {@code
 * application.yml}).
 *
 * <ul>
 *   <li>{@code catalog-in-0} ← {@code catalog.credentials.v1}: the catalog replica and issuer profiles
 *   <li>{@code enrollment-in-0} ← {@code enrollment.events.v1}: issuing on {@code EnrollmentCompleted}
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class BadgeFunctions {

    @Bean
    Consumer<Message<byte[]>> catalog(CatalogReplica replica, JsonMapper json) {
        return message -> replica.record(EventEnvelope.read(Topic.CATALOG_CREDENTIALS, message, json));
    }

    @Bean
    Consumer<Message<byte[]>> enrollment(BadgeIssuing issuing, JsonMapper json) {
        return message -> issuing.handle(EventEnvelope.read(Topic.ENROLLMENT_EVENTS, message, json));
    }
}
