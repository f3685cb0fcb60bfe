package org.credstack.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.credstack.events.EventEnvelope;
import org.credstack.events.Topic;
import org.credstack.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the test broker as the other services would: publishes enveloped events as badge-service does and reads
 * {@code notification.events.v1} from its beginning.
 */
public final class Broker implements AutoCloseable {

    private final JsonMapper json;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<EventEnvelope<?>> seen = new ArrayList<>();

    public Broker(JsonMapper json) {
        this.json = json;
        String servers = TestInfrastructure.get().kafkaBootstrapServers();
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "notification-test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topic.NOTIFICATION_EVENTS_V1));
    }

    /** Publishes an event with a fresh {@code ce_id}; returns it. */
    public UUID publish(Object event, Instant time) {
        return publish(event, UUID.randomUUID(), time);
    }

    /** Publishes an event with a given {@code ce_id} (to redeliver one). */
    public UUID publish(Object event, UUID id, Instant time) {
        try {
            producer.send(EventEnvelope.wrap(event, id, time).toProducerRecord(json))
                    .get();
            return id;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Publishes a record whose envelope says {@code event} but whose value is {@code value} (a poison record).
     */
    public void publishCorrupted(Object event, byte[] value, Instant time) {
        ProducerRecord<String, byte[]> valid =
                EventEnvelope.wrap(event, UUID.randomUUID(), time).toProducerRecord(json);
        try {
            producer.send(new ProducerRecord<>(valid.topic(), null, valid.key(), value, valid.headers()))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record keys on a topic from its beginning, read for up to {@code within}, stopping at {@code key}. */
    public static List<String> keysOn(String topic, String key, Duration within) {
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "notification-test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            reader.subscribe(List.of(topic));
            List<String> keys = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (!keys.contains(key) && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(250)).forEach(r -> keys.add(r.key()));
            }
            return keys;
        }
    }

    /** The envelopes read so far from {@code notification.events.v1} with record key {@code key}, after one more poll. */
    public List<EventEnvelope<?>> notificationEvents(String key) {
        consumer.poll(Duration.ofMillis(200))
                .forEach(r -> seen.add(EventEnvelope.read(Topic.NOTIFICATION_EVENTS, r.headers(), r.value(), json)));
        return seen.stream().filter(e -> key.equals(e.key())).toList();
    }

    /** The events of one type read so far for a key. */
    public <E> List<E> notificationEvents(String key, Class<E> type) {
        return notificationEvents(key).stream()
                .map(EventEnvelope::data)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
