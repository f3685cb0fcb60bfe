package org.credstack.runtime.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.TestBroker;
import org.credstack.testsupport.TestClock;
import org.credstack.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The lag endpoint against the embedded broker: committed offsets of the service's group against end offsets. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=" + ConsumerLagIT.GROUP)
@InfrastructureTest
class ConsumerLagIT {

    static final String GROUP = "lag-test";

    @Configuration
    @EnableAutoConfiguration
    static class TestApplication {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.parse("2027-03-01T10:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaAdmin admin;

    @Autowired
    TestClock clock;

    @Autowired
    RecentCounts recentCounts;

    @Autowired
    JsonMapper json;

    RestTestClient http;
    TestBroker broker;
    String topic;

    @BeforeEach
    void topicWithTwoPartitions() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        broker = new TestBroker(json);
        topic = "lag-" + UUID.randomUUID();
        admin.createOrModifyTopics(TopicBuilder.name(topic).partitions(2).build());
    }

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    @Test
    void measuresTheGroupsCommittedOffsetAgainstTheEndOfEachPartition() {
        write(0, 5);
        write(1, 2);
        commit(0, 3);
        clock.advance(Duration.ofMinutes(1)); // past any measurement an earlier test left

        JsonNode group = groupLag();

        assertThat(group.get("state").asString()).isNotBlank();
        JsonNode measured = topicLag(group);
        assertThat(measured.get("lag").asLong()).isEqualTo(4);
        JsonNode first = measured.get("partitions").get(0);
        assertThat(first.get("partition").asInt()).isZero();
        assertThat(first.get("committedOffset").asLong()).isEqualTo(3);
        assertThat(first.get("endOffset").asLong()).isEqualTo(5);
        assertThat(first.get("lag").asLong()).isEqualTo(2);
        JsonNode second = measured.get("partitions").get(1);
        assertThat(second.get("committedOffset").isNull())
                .as("nothing committed yet")
                .isTrue();
        assertThat(second.get("lag").asLong())
                .as("counted from the earliest offset")
                .isEqualTo(2);
    }

    @Test
    void answersTheSameMeasurementForFiveSecondsSoThePageCannotHammerTheBroker() {
        write(0, 2);
        commit(0, 1);
        clock.advance(Duration.ofMinutes(1));
        JsonNode before = body("/api/v1/operations/consumer-lag");
        write(0, 3);

        clock.advance(Duration.ofSeconds(4));
        JsonNode cached = body("/api/v1/operations/consumer-lag");
        clock.advance(Duration.ofSeconds(1));
        JsonNode fresh = body("/api/v1/operations/consumer-lag");

        assertThat(cached.get("measuredAt")).isEqualTo(before.get("measuredAt"));
        assertThat(topicLag(group(cached)).get("lag").asLong()).isEqualTo(1);
        assertThat(topicLag(group(fresh)).get("lag").asLong()).isEqualTo(4);
    }

    @Test
    void answersTheCountsOfTheLastHour() {
        recentCounts.add("test.things-done", 2);

        JsonNode lastHour = body("/api/v1/operations/last-hour");

        assertThat(lastHour.get("counts").get("test.things-done").asLong()).isEqualTo(2);
        assertThat(lastHour.get("to").asString()).isEqualTo(clock.instant().toString());
        assertThat(lastHour.get("countingSince").asString()).isNotBlank();
    }

    private JsonNode groupLag() {
        return group(body("/api/v1/operations/consumer-lag"));
    }

    private static JsonNode group(JsonNode measurement) {
        JsonNode groups = measurement.get("groups");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("group").asString()).isEqualTo(GROUP);
        return groups.get(0);
    }

    private JsonNode topicLag(JsonNode group) {
        for (JsonNode measured : group.get("topics")) {
            if (measured.get("topic").asString().equals(topic)) {
                return measured;
            }
        }
        throw new AssertionError("no lag for " + topic + " in " + group);
    }

    private JsonNode body(String path) {
        String body = http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        return json.readTree(body);
    }

    private void write(int partition, int records) {
        for (int i = 0; i < records; i++) {
            broker.publish(new ProducerRecord<>(
                    topic, partition, "key-" + i, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Commits as the service's group would, without joining it. */
    private void commit(int partition, long offset) {
        Map<String, Object> config = new HashMap<>();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)));
        }
    }
}
