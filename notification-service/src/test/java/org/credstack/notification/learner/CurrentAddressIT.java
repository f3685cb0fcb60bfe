package org.credstack.notification.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.notification.Badges.emailOf;
import static org.credstack.notification.Badges.issued;
import static org.credstack.notification.Badges.learner;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.enrollment.LearnerEmailChanged;
import org.credstack.notification.RunningService;
import org.credstack.runtime.ProcessedEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** E-mails go to the address of the learner's latest {@code LearnerEmailChanged}, by its business time. */
class CurrentAddressIT extends RunningService {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    ProcessedEvents processed;

    @Autowired
    Recipients recipients;

    @Test
    void sendsTheNextReminderToTheNewAddressEvenWhenAnOlderChangeArrivesLate() throws Exception {
        String learner = learner();
        String issuedTo = emailOf(learner);
        String older = "older-" + issuedTo;
        String current = "current-" + issuedTo;
        Instant now = clock.instant();
        Instant validUntil = now.plus(DAY.multipliedBy(10));
        BadgeIssued badge = issued(learner, now, validUntil, 7);
        broker.publish(badge, now);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(issuedTo).size() == 1);

        broker.publish(new LearnerEmailChanged(learner, current, older, now.plusSeconds(20)), now);
        UUID late = broker.publish(new LearnerEmailChanged(learner, older, issuedTo, now.plusSeconds(10)), now);
        UUID redelivered = UUID.randomUUID();
        LearnerEmailChanged again = new LearnerEmailChanged(learner, current, older, now.plusSeconds(20));
        broker.publish(again, redelivered, now);
        broker.publish(again, redelivered, now);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed.contains(late) && processed.contains(redelivered));
        assertThat(recipients.of(learner).currentEmail()).isEqualTo(current);

        clock.advanceTo(validUntil.minus(DAY.multipliedBy(7)).plusSeconds(60));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(current).size() == 1);
        assertThat(mailTo(current).getFirst().getSubject())
                .isEqualTo("\"Kubernetes Cluster Administration\" expires in 7 days");
        assertThat(mailTo(issuedTo))
                .as("only the issuance e-mail went to the old address")
                .hasSize(1);
        assertThat(mailTo(older)).isEmpty();
    }

    @Test
    void sendsTheIssuanceEmailToTheCurrentAddressWhenTheChangeCameFirst() throws Exception {
        String learner = learner();
        String current = "now-" + emailOf(learner);
        Instant now = clock.instant();
        UUID change = broker.publish(new LearnerEmailChanged(learner, current, emailOf(learner), now), now);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed.contains(change));

        BadgeIssued badge = issued(learner, now, null);
        broker.publish(badge, now);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(current).size() == 1);
        assertThat(mailTo(current).getFirst().getSubject()).contains("has been issued");
        assertThat(mailTo(emailOf(learner))).isEmpty();
    }
}
