package org.credstack.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.credstack.events.Topic.NOTIFICATION_EVENTS_V1;
import static org.credstack.notification.Badges.emailOf;
import static org.credstack.notification.Badges.learner;
import static org.credstack.notification.Badges.named;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.catalog.CredentialPublished;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.CompletionRule;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.RenewalPolicy;
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
import org.credstack.runtime.links.LinkToken;
import org.credstack.runtime.links.LinkTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** A learner's reminders due on the same (UTC) day go out as one e-mail; each reminder is still sent once. */
class ReminderDigestIT extends RunningService {

    @Autowired
    MeterRegistry meters;

    private static final int CREDENTIALS = 12;
    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    MongoTemplate mongo;

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

    @Autowired
    LinkTokens tokens;

    @Test
    void twelveCredentialsExpiringTogetherMakeOneEmailPerDueDayNamingAllTwelve() {
        String learner = learner();
        Instant now = clock.instant();
        Instant validUntil = now.plus(DAY.multipliedBy(60));
        List<BadgeIssued> badges = twelve(learner, now, validUntil, "digest");
        double remindersBefore =
                meters.get(ReminderDispatcher.REMINDERS_SENT).counter().count();
        badges.forEach(b -> broker.publish(b, now));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(learner).size() == 3 * CREDENTIALS);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(emailOf(learner)).size() == CREDENTIALS);

        for (int days : List.of(30, 7, 1)) {
            clock.advanceTo(validUntil.minus(DAY.multipliedBy(days)).plusSeconds(60));
            int sentSoFar = CREDENTIALS * (days == 30 ? 1 : days == 7 ? 2 : 3);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> reminderSent(learner).size() == sentSoFar);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> digests(learner).size() == (days == 30 ? 1 : days == 7 ? 2 : 3));
            MimeMessage digest = digests(learner).getLast();
            String expiresIn = days == 1 ? "1 day" : days + " days";
            assertThat(body(digest))
                    .contains("12 of your credentials expire soon.")
                    .contains(badges.stream()
                            .map(b -> "\"" + b.achievementName() + "\" expires in " + expiresIn)
                            .toList());
        }

        assertThat(digests(learner)).as("one e-mail per due day, not 36").hasSize(3);
        assertThat(mailTo(emailOf(learner))).hasSize(CREDENTIALS + 3);
        assertThat(reminders(learner)).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReminderStatus.SENT));
        assertThat(reminderSent(learner))
                .as("one ReminderSent per reminder")
                .extracting(e -> e.badgeId() + "|" + e.daysBefore())
                .doesNotHaveDuplicates()
                .hasSize(3 * CREDENTIALS);
        assertThat(meters.get(ReminderDispatcher.REMINDERS_SENT).counter().count())
                .as("at least this learner's; moving the clock may make other tests' learners' reminders due too")
                .isGreaterThanOrEqualTo(remindersBefore + 3 * CREDENTIALS);
        assertThat(mongo.count(
                        Query.query(Criteria.where("learnerId")
                                .is(learner)
                                .and("kind")
                                .is("EXPIRY_REMINDER")),
                        "inbox"))
                .as("in-app: one notification per reminder")
                .isEqualTo(3 * CREDENTIALS);
    }

    @Test
    void aCrashAfterStoringTheDigestDoesNotSendItTwice() {
        String learner = learner();
        Instant now = clock.instant();
        Instant validUntil = now.plus(DAY.multipliedBy(20));
        List<BadgeIssued> badges = twelve(learner, now, validUntil, "crash");
        badges.forEach(b -> broker.publish(b, now));
        await().atMost(Duration.ofSeconds(30))
                .alias("7 and 1 days before pending, 30 days before already past")
                .until(() -> reminders(learner).size() == 3 * CREDENTIALS);
        Instant dueDay = validUntil.minus(DAY.multipliedBy(7)).plusSeconds(60);
        Inbox failing = spy(inbox);
        doThrow(new IllegalStateException("instance died"))
                .when(failing)
                .add(any(), eq(learner), any(), any(), any(), any());
        ReminderDispatcher dying = new ReminderDispatcher(
                mongo,
                Clock.fixed(dueDay, ZoneOffset.UTC),
                properties,
                templates,
                mail,
                failing,
                outbox,
                recipients,
                renewals,
                links,
                new SimpleMeterRegistry());

        assertThatThrownBy(dying::dispatchDue).hasMessage("instance died");
        assertThat(reminders(learner))
                .filteredOn(r -> r.daysBefore() == 7)
                .as("the dying instance held the whole day")
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReminderStatus.SENDING));
        await().atMost(Duration.ofSeconds(30)).until(() -> digests(learner).size() == 1);

        clock.advanceTo(dueDay.plus(properties.claimLease()).plusSeconds(1));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> reminders(learner).stream()
                        .filter(r -> r.daysBefore() == 7)
                        .allMatch(r -> r.status() == ReminderStatus.SENT));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminderSent(learner).size() == CREDENTIALS);
        assertThat(digests(learner)).as("the digest was sent once").hasSize(1);
        assertThat(mongo.count(
                        Query.query(Criteria.where("learnerId")
                                .is(learner)
                                .and("subject")
                                .is("12 of your credentials expire soon")),
                        "deliveries"))
                .isEqualTo(1);
        assertThat(reminderSent(learner))
                .extracting(ReminderSent::badgeId)
                .containsExactlyInAnyOrderElementsOf(
                        badges.stream().map(BadgeIssued::badgeId).toList());
    }

    @Test
    void carriesARenewalLinkForEachListedCredentialThatCanBeRenewedSignedForTheLearnerAndBadge() {
        String learner = learner();
        Instant now = clock.instant();
        String renewable = "cred-renewable-" + learner;
        String notRenewable = "cred-fixed-" + learner;
        broker.publish(
                published(renewable, new RenewalPolicy("P90D", "Pass the refresher quiz", List.of(), List.of())), now);
        broker.publish(published(notRenewable, null), now);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        renewals.renewable(List.of(renewable, notRenewable)).equals(java.util.Set.of(renewable)));
        Instant validUntil = now.plus(DAY.multipliedBy(10));
        BadgeIssued renews = named(learner, now, validUntil, renewable, "Renewable Kafka");
        BadgeIssued doesNot = named(learner, now, validUntil, notRenewable, "Fixed Terraform");
        broker.publish(renews, now);
        broker.publish(doesNot, now);
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(learner).size() == 6);

        clock.advanceTo(validUntil.minus(DAY.multipliedBy(7)).plusSeconds(60));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(emailOf(learner)).stream()
                        .anyMatch(m -> subject(m).equals("2 of your credentials expire soon")));
        String body = body(mailTo(emailOf(learner)).stream()
                .filter(m -> subject(m).equals("2 of your credentials expire soon"))
                .findFirst()
                .orElseThrow());
        Matcher link = Pattern.compile("http://localhost:8082/renewals/new\\?token=([A-Za-z0-9_.-]+)")
                .matcher(body);
        List<String> renewalTokens = new ArrayList<>();
        while (link.find()) {
            renewalTokens.add(link.group(1));
        }
        assertThat(renewalTokens)
                .as("one renewal link: only one credential renews")
                .hasSize(1);
        LinkToken token = tokens.verify("renewal", renewalTokens.getFirst()).orElseThrow();
        assertThat(token.subject()).isEqualTo(learner);
        assertThat(token.claims()).isEqualTo(Map.of("badgeId", renews.badgeId()));
        assertThat(tokens.verify("unsubscribe", renewalTokens.getFirst()))
                .as("only for renewal")
                .isEmpty();
        assertThat(body.indexOf("Renew it"))
                .isBetween(body.indexOf("Renewable Kafka"), body.indexOf(renews.publicUrl()));
    }

    private static List<BadgeIssued> twelve(String learner, Instant now, Instant validUntil, String tag) {
        return IntStream.rangeClosed(1, CREDENTIALS)
                .mapToObj(i -> named(learner, now, validUntil, "cred-" + tag + "-" + i, "Credential " + tag + " " + i))
                .toList();
    }

    private static CredentialPublished published(String id, RenewalPolicy policy) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        CredentialSnapshot snapshot = new CredentialSnapshot(
                id,
                1,
                "PUBLISHED",
                null,
                "Title of " + id,
                "Description",
                "MICRO_CREDENTIAL",
                "TECHNICAL",
                new ProviderSnapshot("prov-1", "Acme Academy", null, null, "UTC"),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                List.of(),
                new CompletionRule("ALL", null),
                "P1Y",
                policy,
                null,
                null,
                at);
        return new CredentialPublished(id, snapshot, at);
    }

    private List<Reminder> reminders(String learner) {
        return mongo.find(Query.query(Criteria.where("learnerId").is(learner)), Reminder.class);
    }

    private List<ReminderSent> reminderSent(String learner) {
        return broker.poll(NOTIFICATION_EVENTS_V1, learner, ReminderSent.class);
    }

    private static List<MimeMessage> digests(String learner) {
        return mailTo(emailOf(learner)).stream()
                .filter(m -> subject(m).equals("12 of your credentials expire soon"))
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text (not the quoted-printable form, which breaks long links). */
    static String body(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
