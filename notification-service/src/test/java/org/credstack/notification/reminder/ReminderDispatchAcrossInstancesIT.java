package org.credstack.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.credstack.events.Topic.NOTIFICATION_EVENTS_V1;
import static org.credstack.notification.Badges.issued;
import static org.credstack.notification.Badges.learner;
import static org.credstack.notification.Badges.named;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.bson.Document;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.notification.ReminderSent;
import org.credstack.notification.NotificationProperties;
import org.credstack.notification.RunningService;
import org.credstack.notification.catalog.RenewalPolicies;
import org.credstack.notification.delivery.MailLinks;
import org.credstack.notification.delivery.MailOutbox;
import org.credstack.notification.delivery.MailTemplates;
import org.credstack.notification.inbox.Inbox;
import org.credstack.notification.learner.Recipients;
import org.credstack.runtime.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class ReminderDispatchAcrossInstancesIT extends RunningService {

    private static final int LEARNERS = 6;
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

    @Autowired
    Recipients recipients;

    @Autowired
    RenewalPolicies renewals;

    @Autowired
    MailLinks links;

    @Test
    void twoInstancesRunningAtOnceSendEachDueReminderExactlyOnce() throws Exception {
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            learners.add(learner());
        }
        Instant now = clock.instant();
        List<BadgeIssued> badges = new ArrayList<>();
        for (int i = 0; i < BADGES; i++) {
            BadgeIssued badge = withReminders(
                    named(
                            learners.get(i % LEARNERS),
                            now,
                            now.plus(Duration.ofDays(10)),
                            "cred-" + i,
                            "Credential " + i),
                    5,
                    2);
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
        await().atMost(Duration.ofSeconds(30)).until(() -> count(learners, ReminderStatus.SENT) == BADGES);
        assertThat(count(learners, ReminderStatus.PENDING))
                .as("the 2-day reminders are not due yet")
                .isEqualTo(BADGES);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reminderSent(learners).size() >= BADGES);
        List<ReminderSent> events = reminderSent(learners);
        assertThat(events)
                .hasSize(BADGES)
                .allSatisfy(e -> assertThat(e.daysBefore()).isEqualTo(5));
        assertThat(events.stream().map(ReminderSent::badgeId))
                .containsExactlyInAnyOrderElementsOf(
                        badges.stream().map(BadgeIssued::badgeId).toList());
        List<String> bodies =
                mongo.find(Query.query(Criteria.where("learnerId").in(learners)), Document.class, "deliveries").stream()
                        .map(d -> d.getString("body"))
                        .toList();
        assertThat(bodies)
                .as("each learner's five credentials due that day in one e-mail (two instances leading batches of the"
                        + " same learner at the same moment may split it in two)")
                .hasSizeBetween(LEARNERS, 2 * LEARNERS);
        for (BadgeIssued badge : badges) {
            assertThat(bodies.stream()
                            .filter(b -> b.contains("\"" + badge.achievementName() + "\" expires"))
                            .count())
                    .as("%s named in exactly one e-mail", badge.achievementName())
                    .isEqualTo(1);
        }
        assertThat(mongo.count(Query.query(Criteria.where("learnerId").in(learners)), "inbox"))
                .as("one in-app notification per reminder")
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
                stored.credentialId(),
                stored.digestKey(),
                null,
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
        return new ReminderDispatcher(
                mongo,
                clock,
                properties,
                templates,
                mail,
                inbox,
                outbox,
                recipients,
                renewals,
                links,
                new SimpleMeterRegistry());
    }

    private long count(List<String> learners, ReminderStatus status) {
        return mongo.count(
                Query.query(
                        Criteria.where("learnerId").in(learners).and("status").is(status)),
                Reminder.class);
    }

    private List<ReminderSent> reminderSent(List<String> learners) {
        return learners.stream()
                .flatMap(l -> broker.poll(NOTIFICATION_EVENTS_V1, l, ReminderSent.class).stream())
                .toList();
    }

    private static BadgeIssued withReminders(BadgeIssued b, Integer... days) {
        return new BadgeIssued(
                b.badgeId(),
                b.learnerId(),
                b.enrollmentId(),
                b.credentialId(),
                b.achievementName(),
                b.recipientEmail(),
                b.recipientName(),
                b.publicUrl(),
                b.validFrom(),
                b.validUntil(),
                List.of(days),
                b.renewalOf(),
                b.occurredAt());
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
