package org.credstack.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.notification.Badges.learner;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.credstack.notification.RunningService;
import org.credstack.runtime.resilience.OutboundCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * SMTP down: the breaker {@value OutboundCalls#SMTP} opens and no further send is attempted (no e-mail claimed, no
 * attempt spent); SMTP back and the breaker's open period over (by the test clock): every e-mail goes out exactly
 * once and the breaker closes.
 */
class SmtpOutageIT extends RunningService {

    private static final int MAILS = 5;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutboundCalls calls;

    @AfterEach
    void smtpUp() {
        if (!SMTP.isRunning()) {
            SMTP.reset();
        }
        // a failed run must not leave the breaker open for the tests after it (it runs on the test clock)
        calls.breaker(OutboundCalls.SMTP).transitionToClosedState();
    }

    @Test
    void opensTheBreakerWhileSmtpIsDownThenSendsEveryEmailExactlyOnceAfterItCloses() {
        CircuitBreaker breaker = calls.breaker(OutboundCalls.SMTP);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        // only this test's e-mails may meet the outage: wait until no other test's e-mail is due or being sent
        await().atMost(Duration.ofSeconds(30)).until(() -> dueDeliveries(mongo, clock.instant()) == 0);
        SMTP.stop();
        String learner = learner();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            String recipient = learner + "-" + i + "@learners.example";
            recipients.add(recipient);
            outbox.enqueue("outage|" + recipient, learner, recipient, new RenderedMail("Hello " + i, "Body " + i));
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> breaker.getState() == CircuitBreaker.State.OPEN
                        && statuses(learner).stream().noneMatch("SENDING"::equals));
        int attemptsWhenOpened = attempts(learner);
        long failedCalls = breaker.getMetrics().getNumberOfFailedCalls();
        assertThat(attemptsWhenOpened)
                .as("the one e-mail whose two tries opened it")
                .isEqualTo(1);
        assertThat(failedCalls).isEqualTo(2);
        // while it is open, the dispatcher (every 200 ms) claims nothing and attempts nothing
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> attempts(learner) == attemptsWhenOpened
                        && breaker.getState() == CircuitBreaker.State.OPEN
                        && breaker.getMetrics().getNumberOfFailedCalls() == failedCalls
                        && statuses(learner).stream().noneMatch("SENT"::equals));
        assertThat(statuses(learner)).isSubsetOf("PENDING", "FAILED");

        SMTP.reset();
        // past the breaker's 30 s and the failed e-mail's back-off (1 min)
        clock.advance(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> recipients.stream().allMatch(r -> mailTo(r).size() == 1));
        await().atMost(Duration.ofSeconds(10)).until(breaker::getState, CircuitBreaker.State.CLOSED::equals);
        assertThat(statuses(learner)).hasSize(MAILS).containsOnly("SENT");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> recipients.stream().allMatch(r -> mailTo(r).size() == 1));
    }

    private List<Document> deliveries(String learner) {
        return mongo.find(Query.query(Criteria.where("learnerId").is(learner)), Document.class, "deliveries");
    }

    private List<String> statuses(String learner) {
        return deliveries(learner).stream().map(d -> d.getString("status")).toList();
    }

    private int attempts(String learner) {
        return deliveries(learner).stream()
                .mapToInt(d -> d.getInteger("attempts", 0))
                .sum();
    }
}
