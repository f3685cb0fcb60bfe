package org.credstack.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.notification.Badges.learner;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.credstack.notification.NotificationProperties;
import org.credstack.notification.RunningService;
import org.credstack.runtime.operations.RecentCounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The operator's counts of the last hour: failed SMTP attempts, and e-mails given up after their last attempt. */
class DeliveryFailureCountsIT extends RunningService {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MailOutbox outbox;

    @Autowired
    NotificationProperties properties;

    @Autowired
    RecentCounts recentCounts;

    @Autowired
    MeterRegistry meters;

    @Test
    void countsEachFailedAttemptAndTheEmailGivenUpAfterItsLastAttempt() {
        String learner = learner();
        long attemptsBefore = count(DeliveryDispatcher.ATTEMPT_FAILED);
        long gaveUpBefore = count(DeliveryDispatcher.GAVE_UP);
        double retryingBefore = failed("retrying");
        double givenUpBefore = failed("given-up");
        // two addresses where one is expected: refused before SMTP is asked, on every attempt
        outbox.enqueue(
                "test|" + learner,
                learner,
                learner + "-a@learners.example, " + learner + "-b@learners.example",
                new RenderedMail("Hello", "Body"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "FAILED".equals(delivery(learner).getString("status")));
        assertThat(count(DeliveryDispatcher.ATTEMPT_FAILED)).isEqualTo(attemptsBefore + 1);
        assertThat(count(DeliveryDispatcher.GAVE_UP)).as("retried later").isEqualTo(gaveUpBefore);
        assertThat(failed("retrying")).isEqualTo(retryingBefore + 1);
        assertThat(failed("given-up")).isEqualTo(givenUpBefore);

        mongo.updateFirst(
                Query.query(Criteria.where("learnerId").is(learner)),
                new Update()
                        .set("attempts", properties.mail().maxAttempts() - 1)
                        .set("nextAttemptAt", Date.from(clock.instant())),
                "deliveries");

        await().atMost(Duration.ofSeconds(30)).until(() -> !delivery(learner).containsKey("nextAttemptAt"));
        assertThat(count(DeliveryDispatcher.ATTEMPT_FAILED)).isEqualTo(attemptsBefore + 2);
        assertThat(count(DeliveryDispatcher.GAVE_UP)).isEqualTo(gaveUpBefore + 1);
        assertThat(failed("retrying")).isEqualTo(retryingBefore + 1);
        assertThat(failed("given-up")).isEqualTo(givenUpBefore + 1);
    }

    private double failed(String outcome) {
        return meters.get(DeliveryDispatcher.EMAILS_FAILED)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private long count(String name) {
        return recentCounts.lastHour().counts().getOrDefault(name, 0L);
    }

    private Document delivery(String learner) {
        Document found =
                mongo.findOne(Query.query(Criteria.where("learnerId").is(learner)), Document.class, "deliveries");
        return found == null ? new Document() : found;
    }
}
