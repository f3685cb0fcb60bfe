package org.credstack.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.events.Topic.NOTIFICATION_EVENTS_V1;
import static org.credstack.notification.Badges.emailOf;
import static org.credstack.notification.Badges.issued;
import static org.credstack.notification.Badges.learner;
import static org.credstack.notification.Badges.renewal;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.credstack.events.EventEnvelope;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.badge.BadgeRevoked;
import org.credstack.events.notification.BadgeExpired;
import org.credstack.events.notification.ReminderSent;
import org.credstack.notification.badge.BadgeExpiry;
import org.credstack.notification.reminder.ReminderDispatcher;
import org.credstack.testsupport.TestBroker.Received;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class BadgeNotificationIT extends RunningService {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReminderDispatcher reminderDispatcher;

    @Autowired
    BadgeExpiry expiry;

    @Test
    void emailsTheLearnerOnceWithThePublicLinkAndListsANotificationTheyCanMarkRead() throws Exception {
        String learner = learner();
        Instant now = clock.instant();
        BadgeIssued badge = issued(learner, now, Instant.parse("2027-06-01T08:00:00Z"));

        broker.publish(badge, now);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(emailOf(learner)).size() == 1);
        MimeMessage mail = mailTo(emailOf(learner)).getFirst();
        assertThat(mail.getSubject())
                .isEqualTo("Your credential \"Kubernetes Cluster Administration\" has been issued");
        assertThat(GreenMailUtil.getBody(mail))
                .contains("Hello Ada Lovelace,")
                .contains(badge.publicUrl())
                .contains("valid until 2027-06-01 08:00 UTC");
        assertThat(delivery(learner).getString("status")).isEqualTo("SENT");
        assertThat(delivery(learner).getInteger("attempts")).isEqualTo(1);
        JsonNode log = get("/api/v1/learners/" + learner + "/deliveries");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("status").asString()).isEqualTo("SENT");
        assertThat(log.get(0).get("recipient").asString()).isEqualTo(emailOf(learner));

        JsonNode listed = get("/api/v1/learners/" + learner + "/notifications");
        assertThat(listed).hasSize(1);
        JsonNode notification = listed.get(0);
        assertThat(notification.get("kind").asString()).isEqualTo("BADGE_ISSUED");
        assertThat(notification.get("link").asString()).isEqualTo(badge.publicUrl());
        assertThat(notification.get("badgeId").asString()).isEqualTo(badge.badgeId());
        assertThat(notification.get("read").asBoolean()).isFalse();

        String id = notification.get("id").asString();
        ResponseEntity<String> read = post("/api/v1/learners/" + learner + "/notifications/" + id + "/read");
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(read.getBody()).get("read").asBoolean()).isTrue();
        assertThat(get("/api/v1/learners/" + learner + "/notifications?unread=true"))
                .isEmpty();
        assertThat(get("/api/v1/learners/" + learner + "/notifications")
                        .get(0)
                        .get("read")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void answersNotFoundProblemForAnUnknownNotificationOrAnotherLearnersOne() {
        String learner = learner();
        broker.publish(issued(learner, clock.instant(), null), clock.instant());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        get("/api/v1/learners/" + learner + "/notifications").size() == 1);
        String id = get("/api/v1/learners/" + learner + "/notifications")
                .get(0)
                .get("id")
                .asString();

        ResponseEntity<String> unknown =
                post("/api/v1/learners/" + learner + "/notifications/" + UUID.randomUUID() + "/read");
        ResponseEntity<String> someoneElses = post("/api/v1/learners/" + learner() + "/notifications/" + id + "/read");

        for (ResponseEntity<String> answer : List.of(unknown, someoneElses)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = json.readTree(answer.getBody());
            assertThat(problem.get("type").asString()).isEqualTo("urn:credstack:problem:notification-not-found");
            assertThat(problem.get("status").asInt()).isEqualTo(404);
        }
        assertThat(get("/api/v1/learners/" + learner + "/notifications")
                        .get(0)
                        .get("read")
                        .asBoolean())
                .as("still unread")
                .isFalse();
    }

    @Test
    void answersBadRequestProblemNamingTheFieldForAnOutOfRangeLimit() {
        ResponseEntity<String> answer = http.get()
                .uri("/api/v1/learners/" + learner() + "/notifications?limit=0")
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.get("type").asString()).isEqualTo("urn:credstack:problem:invalid-request");
        assertThat(problem.at("/errors/0/field").stringValue()).isEqualTo("limit");
    }

    @Test
    void sendsOneEmailAndOneSetOfRemindersWhenTheSameBadgeArrivesAgain() {
        String learner = learner();
        Instant now = clock.instant();
        BadgeIssued badge = issued(learner, now, now.plus(DAY.multipliedBy(90)));
        UUID ceId = UUID.randomUUID();

        broker.publish(badge, ceId, now);
        broker.publish(badge, ceId, now);
        broker.publish(badge, UUID.randomUUID(), now);
        BadgeIssued marker = issued(learner, now, null);
        broker.publish(marker, now);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(emailOf(learner)).size() == 2);
        assertThat(deliveries(learner))
                .as("one e-mail per badge in the delivery log")
                .hasSize(2);
        assertThat(mailTo(emailOf(learner)))
                .filteredOn(m -> body(m).contains(badge.publicUrl()))
                .hasSize(1);
        assertThat(get("/api/v1/learners/" + learner + "/notifications")).hasSize(2);
        JsonNode reminders = get("/api/v1/learners/" + learner + "/reminders");
        assertThat(reminders).hasSize(3);
        assertThat(reminders.valueStream().map(r -> r.get("daysBefore").asInt()))
                .containsExactly(30, 7, 1);
        assertThat(reminders.valueStream().map(r -> r.get("status").asString())).containsOnly("PENDING");
        assertThat(mongo.findById(ceId.toString(), org.bson.Document.class, "processedEvents"))
                .as("idempotent by its business keys alone: no record of the processed event")
                .isNull();
    }

    @Test
    void remindsOnceAtEachOffsetThenExpiresOnceAtValidUntil() throws MessagingException {
        String learner = learner();
        Instant now = clock.instant();
        Instant validUntil = now.plus(DAY.multipliedBy(60));
        BadgeIssued badge = issued(learner, now, validUntil);
        broker.publish(badge, now);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/v1/learners/" + learner + "/reminders").size() == 3);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(emailOf(learner)).size() == 1);

        int expectedMails = 1;
        for (int days : List.of(30, 7, 1)) {
            clock.advanceTo(validUntil.minus(DAY.multipliedBy(days)).plusSeconds(60));
            expectedMails++;
            int mails = expectedMails;
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mailTo(emailOf(learner)).size() == mails);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> broker.poll(NOTIFICATION_EVENTS_V1, learner, ReminderSent.class).stream()
                            .anyMatch(e -> e.daysBefore() == days));
            assertThat(mailTo(emailOf(learner)).getLast().getSubject())
                    .isEqualTo("\"Kubernetes Cluster Administration\" expires in "
                            + (days == 1 ? "1 day" : days + " days"));
        }

        clock.advanceTo(validUntil.plusSeconds(60));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !broker.poll(NOTIFICATION_EVENTS_V1, learner, BadgeExpired.class)
                        .isEmpty());
        assertThat(expiry.expireDue()).as("nothing left to expire").doesNotContain(badge.badgeId());

        assertThat(broker.poll(NOTIFICATION_EVENTS_V1, learner, ReminderSent.class))
                .extracting(ReminderSent::badgeId, ReminderSent::daysBefore, ReminderSent::validUntil)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(badge.badgeId(), 30, validUntil),
                        org.assertj.core.groups.Tuple.tuple(badge.badgeId(), 7, validUntil),
                        org.assertj.core.groups.Tuple.tuple(badge.badgeId(), 1, validUntil));
        assertThat(broker.poll(NOTIFICATION_EVENTS_V1, learner, BadgeExpired.class))
                .containsExactly(new BadgeExpired(badge.badgeId(), learner, badge.credentialId(), validUntil));
        assertThat(mailTo(emailOf(learner))).hasSize(4);
        assertThat(get("/api/v1/learners/" + learner + "/reminders")
                        .valueStream()
                        .map(r -> r.get("status").asString()))
                .containsOnly("SENT");
        JsonNode inbox = get("/api/v1/learners/" + learner + "/notifications");
        assertThat(inbox).hasSize(4);
        assertThat(inbox.get(0).get("title").asString()).as("newest first").endsWith("expires in 1 day");
        assertThat(inbox.get(3).get("kind").asString()).isEqualTo("BADGE_ISSUED");
    }

    @Test
    void sendsOnlyTheMostUrgentDueReminderAfterAnOutageNotABurst() {
        String learner = learner();
        Instant now = clock.instant();
        Instant validUntil = now.plus(DAY.multipliedBy(45));
        broker.publish(issued(learner, now, validUntil), now);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/v1/learners/" + learner + "/reminders").size() == 3);

        clock.advanceTo(validUntil.minus(DAY.multipliedBy(7)).plusSeconds(60));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !broker.poll(NOTIFICATION_EVENTS_V1, learner, ReminderSent.class)
                        .isEmpty());
        assertThat(broker.poll(NOTIFICATION_EVENTS_V1, learner, ReminderSent.class))
                .extracting(ReminderSent::daysBefore)
                .containsExactly(7);
        JsonNode reminders = get("/api/v1/learners/" + learner + "/reminders");
        assertThat(reminders
                        .valueStream()
                        .map(r -> r.get("daysBefore").asInt() + " "
                                + r.get("status").asString()))
                .containsExactly("30 SKIPPED", "7 SENT", "1 PENDING");
        assertThat(reminders.get(0).get("note").asString()).isEqualTo("superseded by a later reminder that is due too");
    }

    @Test
    void sendsNoRemindersAndNoExpiryForARevokedBadge() {
        String learner = learner();
        Instant now = clock.instant();
        Instant validUntil = now.plus(DAY.multipliedBy(40));
        BadgeIssued badge = issued(learner, now, validUntil);
        broker.publish(badge, now);
        broker.publish(new BadgeRevoked(badge.badgeId(), learner, "issued in error", now), now);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/v1/learners/" + learner + "/reminders")
                        .valueStream()
                        .map(r -> r.get("status").asString())
                        .toList()
                        .equals(List.of("CANCELLED", "CANCELLED", "CANCELLED")));
        clock.advanceTo(validUntil.plus(DAY));

        List<String> ofThisBadge = get("/api/v1/learners/" + learner + "/reminders")
                .valueStream()
                .map(r -> r.get("id").asString())
                .toList();
        // other tests' reminders may fall due at this time: only this badge's must not be sent
        assertThat(reminderDispatcher.dispatchDue()).doesNotContainAnyElementsOf(ofThisBadge);
        assertThat(expiry.expireDue()).doesNotContain(badge.badgeId());
        assertThat(badgeStatus(badge.badgeId())).isEqualTo("REVOKED");
        assertThat(broker.poll(NOTIFICATION_EVENTS_V1, learner)).isEmpty();
    }

    @Test
    void renewalCancelsTheOldBadgesRemindersAndExpiry() {
        String learner = learner();
        Instant now = clock.instant();
        BadgeIssued old = issued(learner, now, now.plus(DAY.multipliedBy(20)));
        BadgeIssued renewed = renewal(learner, now, now.plus(DAY.multipliedBy(400)), old.badgeId(), 14);
        broker.publish(old, now);
        broker.publish(renewed, now);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/v1/learners/" + learner + "/reminders").size() == 4);
        JsonNode reminders = get("/api/v1/learners/" + learner + "/reminders");
        assertThat(reminders
                        .valueStream()
                        .filter(r -> r.get("badgeId").asString().equals(old.badgeId()))
                        .map(r -> r.get("daysBefore").asInt() + " "
                                + r.get("status").asString()))
                .as("the 30-day reminder was already past when the 20-day badge was issued")
                .containsExactly("30 SKIPPED", "7 CANCELLED", "1 CANCELLED");
        assertThat(reminders
                        .valueStream()
                        .filter(r -> r.get("badgeId").asString().equals(renewed.badgeId()))
                        .map(r -> r.get("daysBefore").asInt() + " "
                                + r.get("status").asString()))
                .containsExactly("14 PENDING");

        clock.advanceTo(old.validUntil().plus(DAY));
        assertThat(expiry.expireDue()).doesNotContain(old.badgeId());
        assertThat(badgeStatus(old.badgeId())).isEqualTo("RENEWED");
        assertThat(broker.poll(NOTIFICATION_EVENTS_V1, learner, BadgeExpired.class))
                .isEmpty();
    }

    @Test
    void movesAnUnreadableEventToTheDeadLetterTopicAndCarriesOn() {
        String learner = learner();
        Instant now = clock.instant();
        publishCorrupted(issued(learner, now, null), "{not json".getBytes(StandardCharsets.UTF_8), now);
        BadgeIssued next = issued(learner, now, null);
        broker.publish(next, now);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(emailOf(learner)).size() == 1);
        assertThat(broker.readUntil(
                        "badge.events.v1.notification-service.dlq",
                        learner,
                        deadLetters -> !deadLetters.isEmpty(),
                        Duration.ofSeconds(30)))
                .extracting(Received::key)
                .containsOnlyOnce(learner);
        assertThat(get("/api/v1/learners/" + learner + "/notifications")
                        .get(0)
                        .get("badgeId")
                        .asString())
                .isEqualTo(next.badgeId());
    }

    @Test
    void schedulesNothingForABadgeWhoseRevocationArrivedFirst() {
        String learner = learner();
        Instant now = clock.instant();
        BadgeIssued badge = issued(learner, now, now.plus(DAY.multipliedBy(90)));
        broker.publish(new BadgeRevoked(badge.badgeId(), learner, "revoked before we heard of it", now), now);
        broker.publish(badge, now);
        BadgeIssued marker = issued(learner, now, null);
        broker.publish(marker, now);

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        get("/api/v1/learners/" + learner + "/notifications").size() == 1);
        assertThat(get("/api/v1/learners/" + learner + "/notifications")
                        .get(0)
                        .get("badgeId")
                        .asString())
                .isEqualTo(marker.badgeId());
        assertThat(get("/api/v1/learners/" + learner + "/reminders")).isEmpty();
        assertThat(deliveries(learner)).hasSize(1);
    }

    @Test
    void keepsTheEmailThroughAnSmtpOutageAndSendsItOnceSmtpIsBack() {
        String learner = learner();
        Instant now = clock.instant();
        // an earlier test's e-mail still being sent would fail during the outage too, and its failures could open the
        // breaker before this e-mail's first attempt, which would then be handed back uncounted, not FAILED
        await().atMost(Duration.ofSeconds(30)).until(() -> dueDeliveries(mongo, now) == 0);
        SMTP.stop();
        try {
            broker.publish(issued(learner, now, null), now);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !deliveries(learner).isEmpty()
                            && "FAILED".equals(delivery(learner).getString("status")));
            Document failed = delivery(learner);
            assertThat(failed.getInteger("attempts")).isEqualTo(1);
            assertThat(failed.getString("lastError")).isNotBlank();
            assertThat(failed.getDate("nextAttemptAt").toInstant()).isEqualTo(now.plusSeconds(60));
        } finally {
            SMTP.start();
        }
        clock.advance(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(emailOf(learner)).size() == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SENT".equals(delivery(learner).getString("status")));
        assertThat(delivery(learner).getInteger("attempts")).isEqualTo(2);
        assertThat(mailTo(emailOf(learner))).hasSize(1);
    }

    private JsonNode get(String path) {
        return json.readTree(http.get().uri(path).retrieve().body(String.class));
    }

    private ResponseEntity<String> post(String path) {
        return http.post()
                .uri(path)
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);
    }

    private List<Document> deliveries(String learner) {
        return mongo.find(Query.query(Criteria.where("learnerId").is(learner)), Document.class, "deliveries");
    }

    private Document delivery(String learner) {
        List<Document> all = deliveries(learner);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private String badgeStatus(String badgeId) {
        return mongo.findById(badgeId, Document.class, "badges").getString("status");
    }

    private static String body(MimeMessage message) {
        try {
            return GreenMailUtil.getBody(message) + message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a record whose envelope says {@code event} but whose value is {@code value}: a poison record. */
    private void publishCorrupted(Object event, byte[] value, Instant time) {
        ProducerRecord<String, byte[]> valid =
                EventEnvelope.wrap(event, UUID.randomUUID(), time).toProducerRecord(json);
        broker.publish(new ProducerRecord<>(valid.topic(), null, valid.key(), value, valid.headers()));
    }
}
