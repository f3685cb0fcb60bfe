package org.credstack.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.credstack.events.MalformedEventException;
import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.TestBroker;
import org.credstack.testsupport.TestBroker.Received;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.messaging.Message;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer binding configured the way a service configures one: only its function and destination, plus
 * one service-specific not-retried exception. Everything else comes from {@link MessagingDefaults}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=" + MessagingDefaultsIT.GROUP,
            "spring.cloud.function.definition=attempted",
            "spring.cloud.stream.bindings.attempted-in-0.destination=" + MessagingDefaultsIT.TOPIC,
            "credstack.messaging.not-retried=org.credstack.runtime.messaging.MessagingDefaultsIT$RuleBroken"
        })
@InfrastructureTest
class MessagingDefaultsIT {

    static final String TOPIC = "messaging-defaults.v1";
    static final String GROUP = "messaging-test";
    static final String DLQ = "messaging-defaults.v1.messaging-test.dlq";

    /** A service's own business failure that retrying cannot cure. */
    static class RuleBroken extends RuntimeException {
        RuleBroken(String message) {
            super(message);
        }
    }

    @Configuration
    @EnableAutoConfiguration
    static class TestApplication {

        /** When each record (by key) was attempted, in nanoseconds. */
        @Bean
        Map<String, List<Long>> attempts() {
            return new ConcurrentHashMap<>();
        }

        /** Fails every record, the way its value says. */
        @Bean
        Consumer<Message<byte[]>> attempted(Map<String, List<Long>> attempts) {
            return message -> {
                String key = new String(
                        (byte[]) message.getHeaders().get("kafka_receivedMessageKey"), StandardCharsets.UTF_8);
                attempts.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
                String value = new String(message.getPayload(), StandardCharsets.UTF_8);
                switch (value) {
                    case "malformed" -> throw new MalformedEventException("not a CloudEvent");
                    case "rule-broken" -> throw new RuleBroken("the service's own rule");
                    default -> throw new IllegalStateException("the store is away");
                }
            };
        }
    }

    @Autowired
    BindingServiceProperties bindings;

    @Autowired
    Map<String, List<Long>> attempts;

    @Autowired
    KafkaAdmin admin;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    RestTestClient http;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void bindingGetsThePlatformGroupRetriesAndBackOff() {
        BindingProperties binding = bindings.getBindingProperties("attempted-in-0");

        assertThat(binding.getDestination()).isEqualTo(TOPIC);
        assertThat(binding.getGroup()).isEqualTo(GROUP);
        assertThat(binding.getConsumer().getMaxAttempts()).isEqualTo(3);
        assertThat(binding.getConsumer().isUseNativeDecoding()).isTrue();
        assertThat(binding.getConsumer().getBackOffInitialInterval()).isEqualTo(500);
        assertThat(binding.getConsumer().getBackOffMultiplier()).isEqualTo(2.0);
        assertThat(binding.getConsumer().getBackOffMaxInterval()).isEqualTo(10_000);
        assertThat(binding.getConsumer().getRetryableExceptions())
                .contains(
                        entry(MalformedEventException.class, false),
                        entry(IllegalArgumentException.class, false),
                        entry(RuleBroken.class, false));
    }

    @Test
    void deadLettersAMalformedEventAfterOneAttemptToTheTopicTheDeadLetterApiLists() {
        String key = publish("malformed");

        ConsumerRecord<String, byte[]> dead = deadLetter(key);

        assertThat(DeadLetterTopic.name(TOPIC, GROUP)).isEqualTo(DLQ);
        assertThat(dead.topic()).isEqualTo(DLQ);
        assertThat(attempts.get(key)).hasSize(1);
        JsonNode listed = listedByTheDeadLetterApi(key);
        assertThat(listed.get("dlqTopic").asString()).isEqualTo(DLQ);
        assertThat(listed.get("originalTopic").asString()).isEqualTo(TOPIC);
        // the binder names its wrapper (MessagingException) as the type; the cause shows in the message
        assertThat(listed.get("exception").get("message").asString()).contains("not a CloudEvent");
    }

    @Test
    void countsEachDeadLetterUnderTheTopicItCameFrom() {
        double before = deadLetters();
        String key = publish("malformed");

        deadLetter(key);

        assertThat(deadLetters()).isEqualTo(before + 1);
    }

    private double deadLetters() {
        Counter counter =
                meters.find(DeadLetterCounter.NAME).tag("topic", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void deadLettersTheServicesOwnNotRetriedExceptionAfterOneAttempt() {
        String key = publish("rule-broken");

        deadLetter(key);

        assertThat(attempts.get(key)).hasSize(1);
    }

    @Test
    void retriesAnyOtherFailureThreeTimesWithGrowingBackOffThenDeadLettersIt() {
        String key = publish("transient");

        deadLetter(key);

        List<Long> at = attempts.get(key);
        assertThat(at).hasSize(3);
        // lower bounds only: a wait can come out longer on a busy machine, never shorter
        assertThat(Duration.ofNanos(at.get(1) - at.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(Duration.ofNanos(at.get(2) - at.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void commitsItsOffsetsAsTheApplicationsConsumerGroup() throws Exception {
        String key = publish("malformed");
        deadLetter(key);

        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(
                            () ->
                                    client
                                            .listConsumerGroupOffsets(GROUP)
                                            .partitionsToOffsetAndMetadata()
                                            .get()
                                            .keySet()
                                            .stream()
                                            .map(TopicPartition::topic)
                                            .toList(),
                            topics -> topics.contains(TOPIC));
        }
    }

    private String publish(String value) {
        String key = "record-" + UUID.randomUUID();
        try (TestBroker broker = new TestBroker(json)) {
            broker.publish(new ProducerRecord<>(TOPIC, key, value.getBytes(StandardCharsets.UTF_8)));
        }
        return key;
    }

    private ConsumerRecord<String, byte[]> deadLetter(String key) {
        try (TestBroker broker = new TestBroker(json)) {
            return Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> broker.readToEnd(DLQ).stream()
                                    .map(Received::record)
                                    .filter(record -> key.equals(record.key()))
                                    .toList(),
                            found -> !found.isEmpty())
                    .getFirst();
        }
    }

    private JsonNode listedByTheDeadLetterApi(String key) {
        String body = http.get()
                .uri("/api/v1/dead-letters?limit=1000")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        List<JsonNode> letters = new ArrayList<>();
        json.readTree(body).forEach(letters::add);
        return letters.stream()
                .filter(letter -> key.equals(letter.get("key").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the dead-letter API does not list " + key + ": " + body));
    }
}
