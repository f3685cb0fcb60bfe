package org.credstack.notification;

import org.credstack.notification.badge.BadgeExpiry;
import org.credstack.notification.delivery.DeliveryDispatcher;
import org.credstack.notification.reminder.ReminderDispatcher;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the three time-driven jobs with a fixed delay: reminders and expiry every {@code
 * credstack.notification.schedule-interval}, e-mail delivery every {@code credstack.notification.dispatch-interval}. The delay only sets how often they look; what is due is decided by the injected
 * clock. Every job claims its work atomically in the store, so several instances may run them at once.
 */
@Configuration(proxyBeanMethods = false)
class NotificationJobs implements SchedulingConfigurer {

    private final NotificationProperties properties;
    private final ReminderDispatcher reminders;
    private final BadgeExpiry expiry;
    private final DeliveryDispatcher deliveries;

    NotificationJobs(
            NotificationProperties properties,
            ReminderDispatcher reminders,
            BadgeExpiry expiry,
            DeliveryDispatcher deliveries) {
        this.properties = properties;
        this.reminders = reminders;
        this.expiry = expiry;
        this.deliveries = deliveries;
    }

    /** Sends batch after batch while full batches are due, so the pause comes only once the backlog is gone. */
    void dispatchAllDue() {
        while (deliveries.dispatchDue().size() == properties.batchSize()) {
            // a full batch: more may be due
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(reminders::dispatchDue, properties.scheduleInterval());
        tasks.addFixedDelayTask(expiry::expireDue, properties.scheduleInterval());
        tasks.addFixedDelayTask(this::dispatchAllDue, properties.dispatchInterval());
    }
}
