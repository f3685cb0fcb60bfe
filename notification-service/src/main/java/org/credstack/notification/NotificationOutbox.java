package org.credstack.notification;

import org.credstack.runtime.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The collections whose documents carry events to the outbox relay: reminders and watched credentials. */
@Configuration(proxyBeanMethods = false)
class NotificationOutbox {

    @Bean
    OutboxCollection reminderOutbox() {
        return new OutboxCollection("reminders");
    }

    @Bean
    OutboxCollection trackedBadgeOutbox() {
        return new OutboxCollection("badges");
    }
}
