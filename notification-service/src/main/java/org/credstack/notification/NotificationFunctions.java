package org.credstack.notification;

import java.util.function.Consumer;
import org.credstack.events.EventEnvelope;
import org.credstack.events.Topic;
import org.credstack.notification.badge.BadgeEvents;
import org.credstack.notification.catalog.RenewalPolicies;
import org.credstack.notification.learner.LearnerEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring Cloud Stream function beans of the service (imperative consumers, so the binder's bounded retries and
 * dead-letter topic apply). Each reads the CloudEvents envelope and delegates; none holds logic of its own.
 *
 * <ul>
 *   <li>{@code badge-in-0}: {@code badge.events.v1} into {@link BadgeEvents};
 *   <li>{@code enrollment-in-0}: {@code enrollment.events.v1} into {@link LearnerEvents} (the learner's address);
 *   <li>{@code catalog-in-0}: {@code catalog.credentials.v1} into {@link RenewalPolicies} (which credentials renew).
 * </ul>
 *
 * Bindings, group ({@code ${spring.application.name}}), start offset and dead-letter topics are in
 * {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class NotificationFunctions {

    @Bean
    Consumer<Message<byte[]>> badge(BadgeEvents badges, JsonMapper json) {
        return message -> badges.apply(EventEnvelope.read(Topic.BADGE_EVENTS, message, json));
    }

    @Bean
    Consumer<Message<byte[]>> enrollment(LearnerEvents learners, JsonMapper json) {
        return message -> learners.apply(EventEnvelope.read(Topic.ENROLLMENT_EVENTS, message, json));
    }

    @Bean
    Consumer<Message<byte[]>> catalog(RenewalPolicies policies, JsonMapper json) {
        return message -> policies.apply(EventEnvelope.read(Topic.CATALOG_CREDENTIALS, message, json));
    }
}
