package org.credstack.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.notification.Badges.emailOf;
import static org.credstack.notification.Badges.issued;
import static org.credstack.notification.Badges.learner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.credstack.events.EventEnvelope;
import org.credstack.notification.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The e-mail a record causes stays in that record's trace: its delivery stores the consumer span's context. */
class EmailTraceIT extends RunningService {

    private static final String UPSTREAM_SPAN = "00f067aa0ba902b7";

    @Autowired
    MongoTemplate mongo;

    @Test
    void storesTheTraceOfTheBadgeIssuedRecordWithTheIssuanceEmail() {
        String learner = learner();
        Instant now = clock.instant();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        ProducerRecord<String, byte[]> record = EventEnvelope.wrap(
                        issued(learner, now, Instant.parse("2027-06-01T08:00:00Z")), UUID.randomUUID(), now)
                .toProducerRecord(json);
        record.headers()
                .add(
                        "traceparent",
                        ("00-" + traceId + "-" + UPSTREAM_SPAN + "-01").getBytes(StandardCharsets.US_ASCII));

        broker.publish(record);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(emailOf(learner)).size() == 1);
        Document delivery =
                mongo.findOne(Query.query(Criteria.where("learnerId").is(learner)), Document.class, "deliveries");
        assertThat(delivery.getString("traceparent"))
                .as("the consumer's span: same trace, a span of its own")
                .startsWith("00-" + traceId + "-")
                .doesNotContain(UPSTREAM_SPAN);
    }
}
