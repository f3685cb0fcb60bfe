package org.credstack.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.credstack.events.EventEnvelope;
import org.credstack.events.Topic;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the broker of {@link TestInfrastructure} as another service would: publishes events in their CloudEvents
 * envelope and reads topics back from their beginning.
 *
 * <pre>{@code
 * try (TestBroker broker = new TestBroker(json)) {
 *     UUID ceId = broker.publish(completed, now);              // fresh ce_id, acks=all, sent when it returns
 *     broker.publish(completed, ceId, now);                    // a redelivery: same ce_id
 *     broker.publish(poisonRecord);                            // any record as it is, e.g. an unreadable value
 *
 *     // one more 200 ms poll of a consumer that follows the topic from its beginning for this broker's life
 *     List<Received> sofar = broker.poll(Topic.ENROLLMENT_EVENTS_V1, learnerId);
 *     List<EnrollmentCompleted> done = broker.poll(Topic.ENROLLMENT_EVENTS_V1, learnerId, EnrollmentCompleted.class);
 *     // a fresh consumer from the beginning until the condition holds on the records with that key (or 20 s pass)
 *     List<Received> read = broker.readUntil(Topic.BADGE_EVENTS_V1, learnerId, r -> !r.isEmpty(), Duration.ofSeconds(20));
 *     // every record from the beginning to the end offsets as they are at the call
 *     List<Received> all = broker.readToEnd(Topic.CATALOG_CREDENTIALS_V1);
 *     List<BadgeIssued> issued = TestBroker.events(read, BadgeIssued.class);
 * }
 * }</pre>
 *
 * <p>Records come back raw; their envelope is read only when asked for ({@link Received#envelope()}), so a poison
 * record or a dead letter can be read too. Not thread-safe: one per test.
 */
public final class TestBroker implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TO_END_LIMIT = Duration.ofSeconds(30);

    private final JsonMapper json;
    private final String servers = TestInfrastructure.get().kafkaBootstrapServers();
    private final Map<String, Followed> followed = new HashMap<>();
    private KafkaProducer<String, byte[]> producer;

    /** @param json the mapper the service under test uses, so event records read and write as they do there */
    public TestBroker(JsonMapper json) {
        this.json = json;
    }

    /**
     * Publishes an event in its envelope with a fresh {@code ce_id}, keyed and on its topic as its writer would.
     *
     * @param time the envelope's {@code ce_time}
     * @return the {@code ce_id}
     */
    public UUID publish(Object event, Instant time) {
        return publish(event, UUID.randomUUID(), time);
    }

    /** Publishes an event with a given {@code ce_id} (a redelivery or replay of one); returns it. */
    public UUID publish(Object event, UUID id, Instant time) {
        publish(EventEnvelope.wrap(event, id, time).toProducerRecord(json));
        return id;
    }

    /** Publishes a record as it is (a poison record, a dead letter); returns once the broker has acknowledged it. */
    public RecordMetadata publish(ProducerRecord<String, byte[]> record) {
        try {
            return producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e.getCause());
        }
    }

    /**
     * One more short poll (200 ms) of this broker's consumer of {@code topic}, which follows it from its beginning;
     * made on the first call, closed with the broker.
     *
     * @return every record with {@code key} this consumer has read so far, in partition order
     */
    public List<Received> poll(String topic, String key) {
        Followed follower = followed.computeIfAbsent(topic, Followed::new);
        follower.consumer.poll(POLL).forEach(r -> follower.read.add(new Received(r, json)));
        return withKey(follower.read, key);
    }

    /** The events of one type among {@link #poll(String, String)}, in partition order (their envelopes are read). */
    public <E> List<E> poll(String topic, String key, Class<E> type) {
        return events(poll(topic, key), type);
    }

    /**
     * Reads {@code topic} from its beginning with a fresh consumer until {@code done} holds on the records with
     * {@code key}, or {@code within} has passed.
     *
     * @return the records with {@code key} read by then (so the caller's assertion says what is missing)
     */
    public List<Received> readUntil(String topic, String key, Predicate<List<Received>> done, Duration within) {
        try (KafkaConsumer<String, byte[]> consumer = follow(topic)) {
            List<Received> read = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (!done.test(read) && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(r -> {
                    if (key.equals(r.key())) {
                        read.add(new Received(r, json));
                    }
                });
            }
            return read;
        }
    }

    /**
     * Every record on {@code topic} from offset 0 up to the end offsets as they are at this call, in partition
     * order.
     *
     * @throws IllegalStateException if those offsets are not reached within 30 s
     */
    public List<Received> readToEnd(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(Map.of())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Received> read = new ArrayList<>();
            long deadline = System.nanoTime() + TO_END_LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("did not reach the end offsets " + end + " within " + TO_END_LIMIT);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    if (r.offset() < end.get(new TopicPartition(topic, r.partition()))) {
                        read.add(new Received(r, json));
                    }
                }
            }
            return read;
        }
    }

    /** The events of one type among {@code records}, in their order (their envelopes are read). */
    public static <E> List<E> events(List<Received> records, Class<E> type) {
        return records.stream()
                .map(Received::data)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
        followed.values().forEach(f -> f.consumer.close());
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(),
                    new ByteArraySerializer());
        }
        return producer;
    }

    /**
     * Whether consumer group {@code group} has committed an offset past each of these records: the service's
     * consumer handled them (the binder commits after the listener returns). For waiting on a consumer whose handling
     * leaves nothing else to observe.
     *
     * @param group the service's consumer group on the records' topic (see the messaging defaults)
     * @param records records read back from one or more topics
     * @throws IllegalStateException if the group's offsets cannot be read within 10 s
     */
    public boolean consumed(String group, List<Received> records) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            return records.stream().allMatch(r -> {
                OffsetAndMetadata offset = committed.get(
                        new TopicPartition(r.record().topic(), r.record().partition()));
                return offset != null && offset.offset() > r.record().offset();
            });
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the offsets of consumer group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A consumer in a group of its own, subscribed to {@code topic} from its earliest offset. */
    private KafkaConsumer<String, byte[]> follow(String topic) {
        KafkaConsumer<String, byte[]> consumer = consumer(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-broker-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private KafkaConsumer<String, byte[]> consumer(Map<String, Object> config) {
        Map<String, Object> all = new HashMap<>(config);
        all.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        all.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(all, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<Received> withKey(List<Received> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    private final class Followed {

        final KafkaConsumer<String, byte[]> consumer;
        final List<Received> read = new ArrayList<>();

        Followed(String topic) {
            this.consumer = follow(topic);
        }
    }

    /** A record read back: raw as it is on the topic, its envelope read on demand. */
    public static final class Received {

        private final ConsumerRecord<String, byte[]> record;
        private final JsonMapper json;
        private EventEnvelope<?> envelope;

        Received(ConsumerRecord<String, byte[]> record, JsonMapper json) {
            this.record = record;
            this.json = json;
        }

        /** The record as consumed: topic, partition, offset, key, headers, value. */
        public ConsumerRecord<String, byte[]> record() {
            return record;
        }

        /** The record key. */
        public String key() {
            return record.key();
        }

        /** The last value of a header as UTF-8 text, {@code null} when the record has none of that name. */
        public String header(String name) {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }

        /**
         * The CloudEvents envelope read from the record, as its topic's consumers read it.
         *
         * @throws org.credstack.events.MalformedEventException if it does not read
         * @throws IllegalArgumentException if the record is not on one of the {@link Topic}s
         */
        public EventEnvelope<?> envelope() {
            if (envelope == null) {
                envelope = EventEnvelope.read(Topic.named(record.topic()), record.headers(), record.value(), json);
            }
            return envelope;
        }

        /** The event record of {@link #envelope()}. */
        public Object data() {
            return envelope().data();
        }
    }
}
