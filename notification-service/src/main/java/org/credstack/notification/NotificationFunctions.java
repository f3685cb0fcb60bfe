package org.credstack.notification;

import java.util.function.Consumer;
import org.credstack.events.EventEnvelope;
import org.credstack.events.Topic;
import org.credstack.notification.badge.BadgeEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring Cloud Stream function beans of the service (imperative consumers, so the binder's bounded retries and
 * dead-letter topic apply). Each reads the CloudEvents envelope and delegates; none holds logic of its own.
 *
 * <ul>
 *   <li>{@code badge-in-0}: {@code badge.events.v1} into {@link BadgeEvents}.
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
}
