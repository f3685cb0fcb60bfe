package org.credstack.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.credstack.events.EventEnvelope;
import org.credstack.events.Topic;
import org.credstack.events.notification.BadgeExpired;
import org.credstack.runtime.operations.RecentCounts;
import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.StoreCommands;
import org.credstack.testsupport.TestBroker;
import org.credstack.testsupport.TestBroker.Received;
import org.credstack.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        properties = {
            "credstack.runtime.outbox-sweep-interval=1h",
            "credstack.runtime.outbox-sweep-initial-delay=1h",
            "spring.application.name=runtime-test"
        })
@InfrastructureTest
class OutboxRelayIT {

    static final Clock NOW = Clock.fixed(Instant.parse("2027-02-01T10:00:00Z"), ZoneOffset.UTC);

    @Configuration
    @EnableAutoConfiguration
    @Import(StoreCommands.class)
    static class TestApplication {
        @Bean
        Clock clock() {
            return NOW;
        }

        @Bean
        OutboxCollection things() {
            return new OutboxCollection("things");
        }
    }

    @Autowired
    StoreCommands store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    Outbox outboxKit;

    @Autowired
    JsonMapper json;

    @Autowired
    Map<String, HealthIndicator> healthIndicators;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RecentCounts recentCounts;

    @BeforeEach
    void emptyCollection() {
        mongo.dropCollection("things");
    }

    @Test
    void publishesPendingEventsWithTheirEnvelopeThenRemovesThem() {
        String learnerId = "learner-" + UUID.randomUUID();
        BadgeExpired event =
                new BadgeExpired("urn:uuid:b1", learnerId, "cred-1", Instant.parse("2027-01-31T00:00:00Z"));
        PendingEvent pending = PendingEvent.of(event, Instant.parse("2027-01-31T00:00:05Z"), json);
        mongo.insert(
                new Document("_id", "thing-1").append("version", 3).append("pendingEvents", List.of(stored(pending))),
                "things");

        assertThat(relay.sweep()).isEqualTo(1);

        Received record = readOne(Topic.NOTIFICATION_EVENTS_V1, learnerId);
        EventEnvelope<?> envelope = record.envelope();
        assertThat(envelope.id()).hasToString(pending.eventId());
        assertThat(envelope.type()).isEqualTo("org.credstack.notification.BadgeExpired.v1");
        assertThat(envelope.time()).isEqualTo(Instant.parse("2027-01-31T00:00:05Z"));
        assertThat(envelope.data()).isEqualTo(event);
        assertThat(record.header("ce_source")).isEqualTo("/credstack/notification");

        Document after = mongo.findById("thing-1", Document.class, "things");
        assertThat(after.getList("pendingEvents", Document.class)).isEmpty();
        assertThat(after.getInteger("version")).isEqualTo(4);
        assertThat(relay.sweep()).as("nothing left to publish").isZero();
    }

    @Test
    void countsEachPublishedEventUnderItsTypeForTheLastHour() {
        String type = "org.credstack.notification.BadgeExpired.v1";
        long before = recentCounts.lastHour().counts().getOrDefault(type, 0L);
        String learnerId = "learner-" + UUID.randomUUID();
        mongo.insert(
                aggregate(
                        "counted",
                        PendingEvent.of(expired(learnerId, "urn:uuid:counted-1"), Instant.EPOCH, json),
                        PendingEvent.of(expired(learnerId, "urn:uuid:counted-2"), Instant.EPOCH, json)),
                "things");

        assertThat(relay.publish("things", "counted")).isEqualTo(2);

        assertThat(recentCounts.lastHour().counts()).containsEntry(type, before + 2);
    }

    @Test
    void publishesOneAggregateRightAfterItsWriteWithoutTouchingOthers() {
        String learnerId = "learner-" + UUID.randomUUID();
        PendingEvent mine = PendingEvent.of(expired(learnerId, "urn:uuid:mine"), Instant.EPOCH, json);
        PendingEvent other = PendingEvent.of(expired(learnerId, "urn:uuid:other"), Instant.EPOCH, json);
        mongo.insert(aggregate("mine", mine), "things");
        mongo.insert(aggregate("other", other), "things");

        assertThat(relay.publish("things", "mine")).isEqualTo(1);

        assertThat(readOne(Topic.NOTIFICATION_EVENTS_V1, learnerId).header("ce_id"))
                .isEqualTo(mine.eventId());
        assertThat(mongo.findById("mine", Document.class, "things").getList("pendingEvents", Document.class))
                .isEmpty();
        assertThat(mongo.findById("other", Document.class, "things").getList("pendingEvents", Document.class))
                .as("left for its own writer or the sweep")
                .hasSize(1);
        assertThat(relay.publish("things", "missing"))
                .as("an aggregate that is not there")
                .isZero();
    }

    @Test
    void publishesWhatItsWritersStoredWithoutReadingItBackAndRemovesItForTwentyAggregatesInOneCommand() {
        String learnerId = "learner-" + UUID.randomUUID();
        OutboxRelay relayWithoutThread = relayWithoutClearingThread();
        List<PendingEvent> events = IntStream.range(0, 20)
                .mapToObj(i -> PendingEvent.of(expired(learnerId, "urn:uuid:stored-" + i), Instant.EPOCH, json))
                .toList();
        for (int i = 0; i < events.size(); i++) {
            mongo.insert(aggregate("stored-" + i, events.get(i)), "things");
        }
        StoreCommands.Recording recording = store.record();

        for (int i = 0; i < events.size(); i++) {
            Document asStored = stored(events.get(i));
            assertThat(relayWithoutThread.publishStored("things", "stored-" + i, List.of(asStored)))
                    .isEqualTo(1);
        }

        assertThat(onThings(recording))
                .as("nothing read back, nothing removed yet")
                .isEmpty();
        List<Received> published;
        try (TestBroker broker = new TestBroker(json)) {
            published = broker.readUntil(
                    Topic.NOTIFICATION_EVENTS_V1, learnerId, r -> r.size() >= 20, Duration.ofSeconds(20));
        }
        assertThat(published)
                .extracting(r -> r.header("ce_id"))
                .containsExactlyElementsOf(
                        events.stream().map(PendingEvent::eventId).toList());

        assertThat(relayWithoutThread.drainRemovals()).isEqualTo(1);

        assertThat(onThings(recording)).as("one bulk update for all twenty").containsExactly("update");
        recording.close();
        for (int i = 0; i < events.size(); i++) {
            Document after = mongo.findById("stored-" + i, Document.class, "things");
            assertThat(after.getList("pendingEvents", Document.class)).isEmpty();
            assertThat(after.getInteger("version")).isEqualTo(1);
        }
        assertThat(relay.sweep()).as("nothing left to publish again").isZero();
    }

    @Test
    void theSweepLeavesAnAggregateToTheWriterThatStagedItsEventsUntilItHasPublishedThem() {
        String learnerId = "learner-" + UUID.randomUUID();
        List<PendingEvent> staged = outboxKit.stage(List.of(expired(learnerId, "urn:uuid:mid-write")));
        mongo.insert(aggregate("mid-write", staged.getFirst()), "things");
        double publishedBefore = meters.counter("credstack.outbox.published").count();

        assertThat(relay.sweep()).as("stored, its writer not yet publishing").isZero();

        outboxKit.publish("things", "mid-write", staged);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById("mid-write", Document.class, "things")
                        .getList("pendingEvents", Document.class)
                        .isEmpty());
        assertThat(relay.sweep()).isZero();
        assertThat(meters.counter("credstack.outbox.published").count())
                .as("published once, by its writer")
                .isEqualTo(publishedBefore + 1);
        assertThat(readOne(Topic.NOTIFICATION_EVENTS_V1, learnerId).header("ce_id"))
                .isEqualTo(staged.getFirst().eventId());
    }

    @Test
    void theSweepLeavesAnAggregateWhoseRemovalIsQueuedAndAReadBackPublishWritesTheQueueFirst() {
        String learnerId = "learner-" + UUID.randomUUID();
        OutboxRelay relayWithoutThread = relayWithoutClearingThread();
        PendingEvent event = PendingEvent.of(expired(learnerId, "urn:uuid:queued"), Instant.EPOCH, json);
        mongo.insert(aggregate("queued", event), "things");
        Document asStored = stored(event);
        assertThat(relayWithoutThread.publishStored("things", "queued", List.of(asStored)))
                .isEqualTo(1);

        assertThat(relayWithoutThread.sweep())
                .as("published by its writer already")
                .isZero();
        assertThat(relayWithoutThread.publish("things", "queued"))
                .as("the queued removal is written before the read")
                .isZero();

        assertThat(mongo.findById("queued", Document.class, "things").getList("pendingEvents", Document.class))
                .isEmpty();
        assertThat(readOne(Topic.NOTIFICATION_EVENTS_V1, learnerId).header("ce_id"))
                .isEqualTo(event.eventId());
    }

    @Test
    void removesWhatTheOutboxPublishedFromTheWritersEventsInTheBackgroundAndWhatIsQueuedOnClose() {
        String learnerId = "learner-" + UUID.randomUUID();
        PendingEvent first = PendingEvent.of(expired(learnerId, "urn:uuid:background"), Instant.EPOCH, json);
        mongo.insert(aggregate("background", first), "things");

        outboxKit.publish("things", "background", List.of(first));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById("background", Document.class, "things")
                        .getList("pendingEvents", Document.class)
                        .isEmpty());

        PendingEvent second = PendingEvent.of(expired(learnerId, "urn:uuid:on-close"), Instant.EPOCH, json);
        mongo.insert(aggregate("on-close", second), "things");
        OutboxRelay closing = relayWithoutClearingThread();
        Document asStored = stored(second);
        assertThat(closing.publishStored("things", "on-close", List.of(asStored)))
                .isEqualTo(1);

        closing.close();

        assertThat(mongo.findById("on-close", Document.class, "things").getList("pendingEvents", Document.class))
                .isEmpty();
    }

    @Test
    void stagesRaisedEventsWithOneEnvelopeTimeFromTheClock() {
        String learnerId = "learner-" + UUID.randomUUID();

        List<PendingEvent> staged =
                outboxKit.stage(List.of(expired(learnerId, "urn:uuid:a"), expired(learnerId, "urn:uuid:b")));

        assertThat(staged).extracting(PendingEvent::topic).containsOnly(Topic.NOTIFICATION_EVENTS_V1);
        assertThat(staged)
                .extracting(p -> p.headers().get("ce_time"))
                .containsOnly(NOW.instant().toString());
        assertThat(staged).extracting(PendingEvent::eventId).doesNotHaveDuplicates();
        assertThat(outboxKit.stageForUpdate(expired(learnerId, "urn:uuid:c")).getString("topic"))
                .isEqualTo(Topic.NOTIFICATION_EVENTS_V1);
    }

    @Test
    void refusesToSaveAnAggregateMappedWithoutItsPendingEventsOrVersion() {
        record ThingWithoutEvents(String id, Long version) {}
        record ThingWithoutVersion(String id, List<PendingEvent> pendingEvents) {}

        assertThatThrownBy(() -> mongo.save(new ThingWithoutEvents("t1", 1L), "things"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pendingEvents");
        assertThatThrownBy(() -> mongo.insert(new ThingWithoutVersion("t2", List.of()), "things"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version");
        assertThat(mongo.findAll(Document.class, "things")).as("nothing stored").isEmpty();
        mongo.save(new ThingWithoutEvents("t3", 1L), "elsewhere");
        assertThat(mongo.findById("t3", Document.class, "elsewhere"))
                .as("other collections")
                .isNotNull();
    }

    /** The names of the recorded commands on the collection {@code things}, in order. */
    private static List<String> onThings(StoreCommands.Recording recording) {
        return recording.commands().stream()
                .filter(c -> c.collection().equals("things"))
                .map(StoreCommands.Command::name)
                .toList();
    }

    private Document aggregate(String id, PendingEvent... pending) {
        return new Document("_id", id)
                .append("version", 0)
                .append(
                        "pendingEvents",
                        Arrays.stream(pending).map(this::stored).toList());
    }

    @Test
    void removesOnlyTheEventsItPublishedWhenMoreArriveMeanwhile() {
        String learnerId = "learner-" + UUID.randomUUID();
        PendingEvent first = PendingEvent.of(expired(learnerId, "urn:uuid:first"), Instant.EPOCH, json);
        PendingEvent second = PendingEvent.of(expired(learnerId, "urn:uuid:second"), Instant.EPOCH, json);
        mongo.insert(
                new Document("_id", "thing-2").append("version", 0).append("pendingEvents", List.of(stored(first))),
                "things");
        KafkaTemplate<String, byte[]> appendingWhileSending = new KafkaTemplate<>(producers()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is("thing-2")),
                        new Update().push("pendingEvents", stored(second)),
                        "things");
                return super.send(record);
            }
        };
        OutboxRelay racing =
                new OutboxRelay(mongo, appendingWhileSending, List.of("things"), new SimpleMeterRegistry(), NOW);

        assertThat(racing.sweep()).isEqualTo(1);

        Document after = mongo.findById("thing-2", Document.class, "things");
        assertThat(after.getList("pendingEvents", Document.class))
                .extracting(d -> d.getString("eventId"))
                .containsExactly(second.eventId());
    }

    @Test
    void gaugesTheAgeOfTheOldestEventTheSweepLeftPendingUntilItIsPublished() {
        String learnerId = "learner-" + UUID.randomUUID();
        PendingEvent older =
                PendingEvent.of(expired(learnerId, "urn:uuid:older"), Instant.parse("2027-02-01T09:59:00Z"), json);
        PendingEvent newer =
                PendingEvent.of(expired(learnerId, "urn:uuid:newer"), Instant.parse("2027-02-01T09:59:50Z"), json);
        mongo.insert(
                new Document("_id", "thing-4").append("version", 0).append("pendingEvents", List.of(stored(newer))),
                "things");
        mongo.insert(
                new Document("_id", "thing-5").append("version", 0).append("pendingEvents", List.of(stored(older))),
                "things");
        // staged as the sweep starts: its writer is publishing it, so it does not count as left behind
        PendingEvent justStaged = PendingEvent.of(expired(learnerId, "urn:uuid:now"), NOW.instant(), json);
        mongo.insert(
                new Document("_id", "thing-6")
                        .append("version", 0)
                        .append("pendingEvents", List.of(stored(justStaged))),
                "things");
        KafkaTemplate<String, byte[]> brokerAway = new KafkaTemplate<>(producers()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                return CompletableFuture.failedFuture(new NotEnoughReplicasException("broker away"));
            }
        };
        SimpleMeterRegistry gauges = new SimpleMeterRegistry();
        OutboxRelay stuck = new OutboxRelay(mongo, brokerAway, List.of("things"), gauges, NOW);
        assertThat(gauges.get(OutboxRelay.OLDEST_PENDING_AGE).gauge().value())
                .as("no sweep yet")
                .isZero();

        assertThat(stuck.sweep()).isZero();

        assertThat(gauges.get(OutboxRelay.OLDEST_PENDING_AGE).gauge().value()).isEqualTo(60.0);
        assertThat(relay.sweep()).isEqualTo(3);
        assertThat(meters.get(OutboxRelay.OLDEST_PENDING_AGE).gauge().value()).isZero();
    }

    @Test
    void setsAsideAnEventKafkaCanNeverAcceptAndPublishesTheOnesAfterIt() {
        String learnerId = "learner-" + UUID.randomUUID();
        PendingEvent tooLarge = PendingEvent.of(expired(learnerId, "x".repeat(1_500_000)), Instant.EPOCH, json);
        PendingEvent later = PendingEvent.of(expired(learnerId, "urn:uuid:later"), Instant.EPOCH, json);
        mongo.insert(
                new Document("_id", "thing-3")
                        .append("version", 0)
                        .append("pendingEvents", List.of(stored(tooLarge), stored(later))),
                "things");
        double failedBefore = meters.counter("credstack.outbox.failed").count();

        assertThat(relay.sweep()).isEqualTo(1);

        Received record = readOne(Topic.NOTIFICATION_EVENTS_V1, learnerId);
        assertThat(record.header("ce_id")).isEqualTo(later.eventId());
        Document after = mongo.findById("thing-3", Document.class, "things");
        assertThat(after.getList("pendingEvents", Document.class)).isEmpty();
        List<Document> failed = after.getList("failedEvents", Document.class);
        assertThat(failed).extracting(d -> d.getString("eventId")).containsExactly(tooLarge.eventId());
        assertThat(failed.getFirst().getString("error")).contains("RecordTooLargeException");
        assertThat(failed.getFirst().getDate("failedAt").toInstant()).isEqualTo(NOW.instant());
        assertThat(failed.getFirst().getString("payload")).isEqualTo(tooLarge.payload());
        assertThat(meters.counter("credstack.outbox.failed").count()).isEqualTo(failedBefore + 1);
        assertThat(relay.sweep()).as("nothing retried").isZero();
    }

    private static ProducerFactory<String, byte[]> producers() {
        return new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static BadgeExpired expired(String learnerId, String badgeId) {
        return new BadgeExpired(badgeId, learnerId, "cred-1", Instant.parse("2027-01-31T00:00:00Z"));
    }

    @Test
    void reportsMongoHealthByPing() {
        assertThat(healthIndicators.get("mongoHealthContributor").health().getStatus())
                .isEqualTo(Status.UP);
    }

    private Received readOne(String topic, String key) {
        try (TestBroker broker = new TestBroker(json)) {
            List<Received> found = broker.readUntil(topic, key, read -> !read.isEmpty(), Duration.ofSeconds(20));
            assertThat(found).hasSize(1);
            return found.getFirst();
        }
    }

    /** A relay whose removals wait in its queue until {@link OutboxRelay#drainRemovals} or {@link OutboxRelay#close}. */
    private OutboxRelay relayWithoutClearingThread() {
        return new OutboxRelay(
                mongo,
                new KafkaTemplate<>(producers()),
                List.of("things"),
                new SimpleMeterRegistry(),
                NOW,
                new RecentCounts(NOW),
                false);
    }

    /** The event as its writer stores it in {@code pendingEvents}. */
    private Document stored(PendingEvent event) {
        return (Document) mongo.getConverter().convertToMongoType(event);
    }
}
