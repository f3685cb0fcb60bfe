package org.credstack.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.credstack.events.EventEnvelope;
import org.credstack.events.Topic;
import org.credstack.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the test broker as the other services would: publishes enveloped events and reads a topic. */
public final class Broker implements AutoCloseable {

    private final JsonMapper json;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<EventEnvelope<?>> seen = new ArrayList<>();
    private final Topic topic;

    /** @param topic the topic {@link #events(String)} reads, from its beginning */
    public Broker(JsonMapper json, Topic topic) {
        this.json = json;
        this.topic = topic;
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
                        "enrollment-test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic.topicName()));
    }

    /** Publishes an event as its writer would; returns the {@code ce_id}. */
    public UUID publish(Object event, Instant time) {
        return publish(event, UUID.randomUUID(), time);
    }

    /** Publishes an event with a given {@code ce_id} (to replay one). */
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

    /** Every event read so far whose record key is {@code key}, after one more short poll. */
    public List<Object> events(String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
            if (key.equals(r.key())) {
                seen.add(EventEnvelope.read(topic, r.headers(), r.value(), json));
            }
        });
        return seen.stream().map(e -> (Object) e.data()).toList();
    }

    /** The events of a type read so far for a key. */
    public <E> List<E> events(String key, Class<E> type) {
        return events(key).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Asserts the envelope of the first event read is CloudEvents 1.0 from enrollment-service. */
    public void assertEnvelopesFromEnrollment() {
        assertThat(seen).allSatisfy(e -> assertThat(e.source()).isEqualTo("/credstack/enrollment"));
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
