package org.credstack.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.credstack.events.Topic.NOTIFICATION_EVENTS_V1;
import static org.credstack.notification.Badges.issued;
import static org.credstack.notification.Badges.learner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.notification.ReminderSent;
import org.credstack.notification.NotificationProperties;
import org.credstack.notification.RunningService;
import org.credstack.notification.delivery.MailOutbox;
import org.credstack.notification.delivery.MailTemplates;
import org.credstack.notification.inbox.Inbox;
import org.credstack.runtime.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class ReminderDispatchAcrossInstancesIT extends RunningService {

    private static final int BADGES = 30;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Reminders reminders;

    @Autowired
    NotificationProperties properties;

    @Autowired
    MailTemplates templates;

    @Autowired
    MailOutbox mail;

    @Autowired
    Inbox inbox;

    @Autowired
    Outbox outbox;

    @Test
    void twoInstancesRunningAtOnceSendEachDueReminderExactlyOnce() throws Exception {
        String learner = learner();
        Instant now = clock.instant();
        List<BadgeIssued> badges = new ArrayList<>();
        for (int i = 0; i < BADGES; i++) {
            BadgeIssued badge = issued(learner, now, now.plus(Duration.ofDays(10)), 5, 2);
            badges.add(badge);
            assertThat(reminders.schedule(badge)).isEqualTo(2);
        }
        ReminderDispatcher first = instance();
        ReminderDispatcher second = instance();
        clock.advanceTo(now.plus(Duration.ofDays(5)).plusSeconds(60));

        List<List<String>> sentBy = runConcurrently(first::dispatchDue, second::dispatchDue);

        Set<String> union = new HashSet<>();
        for (List<String> sent : sentBy) {
            for (String id : sent) {
                assertThat(union.add(id))
                        .as("reminder %s sent by two instances", id)
                        .isTrue();
            }
        }
        assertThat(union).as("the two instances did send reminders themselves").isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(learner, ReminderStatus.SENT) == BADGES);
        assertThat(count(learner, ReminderStatus.PENDING))
                .as("the 2-day reminders are not due yet")
                .isEqualTo(BADGES);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> broker.poll(NOTIFICATION_EVENTS_V1, learner, ReminderSent.class)
                                .size()
                        >= BADGES);
        List<ReminderSent> events = broker.poll(NOTIFICATION_EVENTS_V1, learner, ReminderSent.class);
        assertThat(events)
                .hasSize(BADGES)
                .allSatisfy(e -> assertThat(e.daysBefore()).isEqualTo(5));
        assertThat(events.stream().map(ReminderSent::badgeId))
                .containsExactlyInAnyOrderElementsOf(
                        badges.stream().map(BadgeIssued::badgeId).toList());
        assertThat(mongo.count(Query.query(Criteria.where("learnerId").is(learner)), "deliveries"))
                .as("one e-mail per reminder in the delivery log")
                .isEqualTo(BADGES);
        assertThat(mongo.count(Query.query(Criteria.where("learnerId").is(learner)), "inbox"))
                .isEqualTo(BADGES);
    }

    @Test
    void refusesASecondReminderForTheSameBadgeAndOffsetEvenUnderAnotherId() {
        BadgeIssued badge = issued(learner(), clock.instant(), clock.instant().plus(Duration.ofDays(90)), 7);
        reminders.schedule(badge);
        Reminder stored = mongo.findOne(Query.query(Criteria.where("badgeId").is(badge.badgeId())), Reminder.class);

        Reminder twin = new Reminder(
                "another-id",
                stored.badgeId(),
                stored.learnerId(),
                stored.daysBefore(),
                stored.dueAt(),
                stored.validUntil(),
                stored.achievementName(),
                stored.recipientEmail(),
                stored.recipientName(),
                stored.publicUrl(),
                ReminderStatus.PENDING,
                stored.scheduledAt(),
                null,
                null,
                null,
                null,
                java.util.List.of(),
                null);

        assertThatThrownBy(() -> mongo.insert(twin)).isInstanceOf(DuplicateKeyException.class);
        assertThat(reminders.schedule(badge))
                .as("scheduling again stores nothing")
                .isZero();
    }

    private ReminderDispatcher instance() {
        return new ReminderDispatcher(mongo, clock, properties, templates, mail, inbox, outbox);
    }

    private long count(String learner, ReminderStatus status) {
        return mongo.count(
                Query.query(
                        Criteria.where("learnerId").is(learner).and("status").is(status)),
                Reminder.class);
    }

    @SafeVarargs
    static <T> List<T> runConcurrently(Callable<T>... instances) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(instances.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> instance : instances) {
                running.add(threads.submit(() -> {
                    start.await();
                    return instance.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
