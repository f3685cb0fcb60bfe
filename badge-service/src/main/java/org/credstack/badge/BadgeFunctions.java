package org.credstack.badge;

import java.util.function.Consumer;
import org.credstack.badge.catalog.CatalogReplica;
import org.credstack.badge.issuing.BadgeIssuing;
import org.credstack.badge.stacks.StackAwarding;
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
 *   <li>{@code catalog-in-0} ← {@code catalog.credentials.v1}: the catalog replica and issuer profiles, then the
 *       stack awards a newly published stack makes (its components may have been earned before)
 *   <li>{@code enrollment-in-0} ← {@code enrollment.events.v1}: issuing on {@code EnrollmentCompleted}
 *   <li>{@code badges-in-0} ← {@code badge.events.v1}, the service's own topic read back: stack evaluation on
 *       {@code BadgeIssued}
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class BadgeFunctions {

    @Bean
    Consumer<Message<byte[]>> catalog(CatalogReplica replica, StackAwarding stacks, JsonMapper json) {
        return message -> {
            var envelope = EventEnvelope.read(Topic.CATALOG_CREDENTIALS, message, json);
            replica.record(envelope);
            stacks.stackPublished(envelope);
        };
    }

    @Bean
    Consumer<Message<byte[]>> enrollment(BadgeIssuing issuing, JsonMapper json) {
        return message -> issuing.handle(EventEnvelope.read(Topic.ENROLLMENT_EVENTS, message, json));
    }

    @Bean
    Consumer<Message<byte[]>> badges(StackAwarding stacks, JsonMapper json) {
        return message -> stacks.handle(EventEnvelope.read(Topic.BADGE_EVENTS, message, json));
    }
}
