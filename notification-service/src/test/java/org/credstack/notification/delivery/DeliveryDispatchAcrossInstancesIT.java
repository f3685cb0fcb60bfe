package org.credstack.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.notification.Badges.learner;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credstack.notification.NotificationProperties;
import org.credstack.notification.RunningService;
import org.credstack.runtime.operations.RecentCounts;
import org.credstack.runtime.resilience.OutboundCalls;
import org.credstack.runtime.tracing.TraceContextHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.javamail.JavaMailSender;

class DeliveryDispatchAcrossInstancesIT extends RunningService {

    private static final int MAILS = 30;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JavaMailSender sender;

    @Autowired
    NotificationProperties properties;

    @Autowired
    RecentCounts recentCounts;

    @Autowired
    OutboundCalls calls;

    @Test
    void twoInstancesRunningAtOnceSendEachStoredEmailExactlyOnce() throws Exception {
        String learner = learner();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            String recipient = learner + "-" + i + "@learners.example";
            recipients.add(recipient);
            assertThat(outbox.enqueue(
                            "test|" + recipient, learner, recipient, new RenderedMail("Hello " + i, "Body " + i)))
                    .isTrue();
        }
        assertThat(outbox.enqueue(
                        "test|" + recipients.getFirst(),
                        learner,
                        recipients.getFirst(),
                        new RenderedMail("again", "again")))
                .as("the same key is stored once")
                .isFalse();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DeliveryDispatcher first = new DeliveryDispatcher(
                mongo, sender, clock, properties, recentCounts, meters, calls, TraceContextHeaders.NONE);
        DeliveryDispatcher second = new DeliveryDispatcher(
                mongo, sender, clock, properties, recentCounts, meters, calls, TraceContextHeaders.NONE);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<String> sent = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> running = new ArrayList<>();
            for (DeliveryDispatcher instance : List.of(first, second)) {
                running.add(threads.submit(() -> {
                    start.await();
                    return instance.dispatchDue();
                }));
            }
            start.countDown();
            for (Future<List<String>> result : running) {
                sent.addAll(result.get());
            }
        } finally {
            threads.shutdownNow();
        }

        Set<String> distinct = new HashSet<>(sent);
        assertThat(distinct).as("no delivery sent by both instances").hasSameSizeAs(sent);
        assertThat(meters.get(DeliveryDispatcher.EMAILS_SENT).counter().count())
                .as("each e-mail the two instances sent counted once")
                .isEqualTo(sent.size());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.count(
                                Query.query(Criteria.where("learnerId")
                                        .is(learner)
                                        .and("status")
                                        .is("SENT")),
                                EmailDelivery.class)
                        == MAILS);
        for (String recipient : recipients) {
            assertThat(mailTo(recipient)).as("mails to %s", recipient).hasSize(1);
        }
    }
}
