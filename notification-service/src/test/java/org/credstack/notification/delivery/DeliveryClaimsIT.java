package org.credstack.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.notification.Badges.learner;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.credstack.notification.NotificationProperties;
import org.credstack.notification.RunningService;
import org.credstack.runtime.operations.RecentCounts;
import org.credstack.runtime.resilience.OutboundCalls;
import org.credstack.runtime.tracing.TraceContextHeaders;
import org.credstack.testsupport.StoreCommands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/** The store commands one dispatch run costs: one claim per e-mail it sends, and one empty claim per kind. */
class DeliveryClaimsIT extends RunningService {

    private static final int MAILS = 20;

    /**
     * The e-mails of this test are due in 2000, and its dispatcher's clock is one second later: it claims none of the
     * other tests' e-mails (due in 2026), while the service's own dispatcher may take some of these. Its claims are
     * found by the lease they get: two hundred years, so that the service's dispatcher, whose clock is in 2026, never
     * takes one over as expired.
     */
    private static final Instant DUE = Instant.parse("2000-01-01T00:00:00Z");

    private static final Clock RUN = Clock.fixed(DUE.plusSeconds(1), ZoneOffset.UTC);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JavaMailSender sender;

    @Autowired
    NotificationProperties properties;

    @Autowired
    RecentCounts recentCounts;

    @Autowired
    OutboundCalls calls;

    @Autowired
    StoreCommands store;

    @Test
    void aRunClaimsEachEmailItSendsOnceAndAsksEachKindOnceMoreBeforeItStops() {
        String learner = learner();
        for (int i = 0; i < MAILS; i++) {
            mongo.insert(EmailDelivery.pending(
                    UUID.randomUUID().toString(),
                    "claims|" + learner + "|" + i,
                    learner,
                    learner + "-" + i + "@learners.example",
                    new RenderedMail("Hello " + i, "Body " + i),
                    null,
                    DUE,
                    null));
        }
        NotificationProperties longLease = new NotificationProperties(
                properties.reminderDaysBefore(),
                properties.dispatchInterval(),
                properties.scheduleInterval(),
                Duration.ofDays(365L * 200),
                properties.batchSize(),
                properties.mail(),
                properties.links());
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(
                mongo,
                sender,
                RUN,
                longLease,
                recentCounts,
                new SimpleMeterRegistry(),
                calls,
                TraceContextHeaders.NONE);
        String lease = RUN.instant().plus(longLease.claimLease()).toString();

        List<String> sent;
        List<StoreCommands.Command> claims;
        try (StoreCommands.Recording recording = store.record()) {
            sent = dispatcher.dispatchDue();
            claims = recording.commands().stream()
                    .filter(c -> c.name().equals("findAndModify") && c.json().contains(lease))
                    .toList();
        }

        assertThat(sent).as("the service's own dispatcher takes some, not all").isNotEmpty();
        // expired claims: none; pending: one per e-mail sent, then one that finds none; failed: none
        assertThat(claims).hasSize(sent.size() + 3);
    }
}
