package org.credstack.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.TestBroker;
import org.credstack.testsupport.TestBroker.Received;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=runtime-test")
@InfrastructureTest
class DeadLetterIT {

    static final String ORIGINAL = "catalog.credentials.v1";
    static final String DLQ = "catalog.credentials.v1.runtime-test.dlq";
    static final String OTHER_SERVICES_DLQ = "catalog.credentials.v1.other-service.dlq";

    @Configuration
    @EnableAutoConfiguration
    static class TestApplication {}

    @LocalServerPort
    int port;

    @Autowired
    KafkaAdmin admin;

    @Autowired
    JsonMapper json;

    RestTestClient http;

    @BeforeEach
    void connect() throws Exception {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        // the records carry a fixed timestamp from 2025: without unlimited retention the broker's retention check
        // (every few minutes) deletes them, and a test that meets it waits in vain for its record to be listed
        admin.createOrModifyTopics(
                TopicBuilder.name(DLQ)
                        .partitions(2)
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .build(),
                TopicBuilder.name(OTHER_SERVICES_DLQ)
                        .partitions(1)
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .build());
        // and for topics that existed before (KafkaAdmin leaves their configuration as it is)
        AlterConfigOp keepForever =
                new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET);
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            client.incrementalAlterConfigs(Map.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, DLQ), List.of(keepForever),
                            new ConfigResource(ConfigResource.Type.TOPIC, OTHER_SERVICES_DLQ), List.of(keepForever)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void listsADeadLetterWithWhereItFailedAndWhy() {
        String key = "cred-" + UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();
        String value = "{\"credentialId\":\"" + key + "\",\"title\":\"" + "x".repeat(600) + "\"}";
        RecordMetadata dead = deadLetter(DLQ, 1, key, value, ceId);

        JsonNode letter = listed(key);

        assertThat(letter.get("dlqTopic").asString()).isEqualTo(DLQ);
        assertThat(letter.get("partition").asInt()).isEqualTo(1);
        assertThat(letter.get("offset").asLong()).isEqualTo(dead.offset());
        assertThat(letter.get("originalTopic").asString()).isEqualTo(ORIGINAL);
        assertThat(letter.get("originalPartition").asInt()).isEqualTo(2);
        assertThat(letter.get("originalOffset").asLong()).isEqualTo(41L);
        assertThat(letter.get("exception").get("type").asString())
                .isEqualTo("org.credstack.events.MalformedEventException");
        assertThat(letter.get("exception").get("message").asString()).isEqualTo("title is too long");
        assertThat(letter.get("ceId").asString()).isEqualTo(ceId);
        assertThat(letter.get("ceType").asString()).isEqualTo("org.credstack.catalog.CredentialPublished.v1");
        assertThat(letter.get("timestamp").asString()).isEqualTo("2025-01-31T10:15:30Z");
        assertThat(letter.get("valuePreview").asString())
                .hasSize(DeadLetter.PREVIEW_CHARS + 1)
                .startsWith("{\"credentialId\":\"" + key)
                .endsWith("x…");
        assertThat(letter.get("replayed").asBoolean()).isFalse();
    }

    @Test
    void replaysTheRecordToItsOriginalTopicWithItsOwnHeadersOnly() {
        String key = "cred-" + UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();
        String value = "{\"credentialId\":\"" + key + "\"}";
        RecordMetadata dead = deadLetter(DLQ, 0, key, value, ceId);

        http.post()
                .uri("/api/v1/dead-letters/{topic}/{partition}/{offset}/replay", DLQ, 0, dead.offset())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.originalTopic")
                .isEqualTo(ORIGINAL)
                .jsonPath("$.offset")
                .isEqualTo(dead.offset());

        List<ConsumerRecord<String, byte[]>> replayed = recordsWithKey(ORIGINAL, key);
        assertThat(replayed).hasSize(1);
        ConsumerRecord<String, byte[]> record = replayed.getFirst();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(value);
        assertThat(header(record, "ce_id")).isEqualTo(ceId);
        assertThat(header(record, "ce_type")).isEqualTo("org.credstack.catalog.CredentialPublished.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/credstack/catalog");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.headers())
                .extracting(Header::key)
                .noneMatch(name -> name.startsWith("x-exception-") || name.startsWith("x-original-"));
        assertThat(listed(key).get("replayed").asBoolean()).isTrue();
    }

    @Test
    void answersConflictAndSendsNothingWhenReplayedTwice() {
        String key = "cred-" + UUID.randomUUID();
        RecordMetadata dead = deadLetter(DLQ, 0, key, "{}", UUID.randomUUID().toString());
        String replay = "/api/v1/dead-letters/" + DLQ + "/0/" + dead.offset() + "/replay";
        http.post().uri(replay).exchange().expectStatus().isOk();

        http.post()
                .uri(replay)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Dead letter already replayed")
                .jsonPath("$.replayedAt")
                .exists();

        assertThat(recordsWithKey(ORIGINAL, key)).hasSize(1);
    }

    @Test
    void answersNotFoundForAnOffsetTheDeadLetterTopicDoesNotHold() {
        deadLetter(DLQ, 0, "cred-" + UUID.randomUUID(), "{}", UUID.randomUUID().toString());

        expectNotFound("/api/v1/dead-letters/" + DLQ + "/0/999999/replay");
        expectNotFound("/api/v1/dead-letters/" + DLQ + "/7/0/replay");
    }

    @Test
    void saysThePartitionIsEmptyWhenItHoldsNoDeadLetters() {
        String empty = "enrollment.events.v1.runtime-test.dlq";
        admin.createOrModifyTopics(TopicBuilder.name(empty).partitions(1).build());

        http.post()
                .uri("/api/v1/dead-letters/" + empty + "/0/0/replay")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("no dead letter " + empty + "/0/0: the partition is empty");
    }

    @Test
    void listsWithoutKafkaClientWarnings() {
        deadLetter(DLQ, 0, "cred-" + UUID.randomUUID(), "{}", UUID.randomUUID().toString());
        Logger kafkaClients = (Logger) LoggerFactory.getLogger("org.apache.kafka");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        kafkaClients.addAppender(logged);
        try {
            assertThat(list()).isNotEmpty();
        } finally {
            kafkaClients.detachAppender(logged);
        }

        assertThat(logged.list)
                .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage)
                .isEmpty();
    }

    @Test
    void neverReadsOrReplaysATopicThatIsNotADeadLetterTopicOfThisService() {
        String key = "cred-" + UUID.randomUUID();
        RecordMetadata foreign =
                deadLetter(OTHER_SERVICES_DLQ, 0, key, "{}", UUID.randomUUID().toString());

        expectNotFound("/api/v1/dead-letters/" + ORIGINAL + "/0/0/replay");
        expectNotFound("/api/v1/dead-letters/" + OTHER_SERVICES_DLQ + "/0/" + foreign.offset() + "/replay");
        assertThat(list()).noneMatch(letter -> key.equals(letter.get("key").asString()));
        assertThat(recordsWithKey(ORIGINAL, key)).isEmpty();
    }

    @Test
    void refusesToReplayARecordThatNamesATopicItsDeadLetterTopicIsNotFor() {
        String key = "cred-" + UUID.randomUUID();
        RecordMetadata dead = deadLetter(DLQ, 0, key, "{}", UUID.randomUUID().toString(), "badge.events.v1");

        http.post()
                .uri("/api/v1/dead-letters/" + DLQ + "/0/" + dead.offset() + "/replay")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Dead letter not replayable");
        assertThat(recordsWithKey("badge.events.v1", key)).isEmpty();
        assertThat(listed(key).get("replayed").asBoolean()).isFalse();
    }

    @Test
    void rejectsALimitOutsideOneToAThousand() {
        for (String limit : List.of("0", "1001", "many")) {
            http.get()
                    .uri("/api/v1/dead-letters?limit=" + limit)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:credstack:problem:invalid-request")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("limit");
        }
    }

    private void expectNotFound(String uri) {
        http.post()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Dead letter not found")
                .jsonPath("$.type")
                .isEqualTo("urn:credstack:problem:dead-letter-not-found");
    }

    /**
     * The one listed dead letter with this key; a topic created a moment ago may take a poll to be listed (seconds,
     * more on a busy build machine: the ceiling is generous, the wait ends when it is listed).
     */
    private JsonNode listed(String key) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> list().stream()
                                .filter(letter -> key.equals(letter.get("key").asString()))
                                .toList(),
                        found -> found.size() == 1)
                .getFirst();
    }

    private List<JsonNode> list() {
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
        return letters;
    }

    /** A record as the Kafka binder dead-letters it: the event's own headers plus the binder's. */
    private RecordMetadata deadLetter(String topic, int partition, String key, String value, String ceId) {
        return deadLetter(topic, partition, key, value, ceId, ORIGINAL);
    }

    private RecordMetadata deadLetter(
            String topic, int partition, String key, String value, String ceId, String originalTopic) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, partition, 1_738_318_530_000L, key, value.getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add("ce_specversion", utf8("1.0"))
                .add("ce_id", utf8(ceId))
                .add("ce_source", utf8("/credstack/catalog"))
                .add("ce_type", utf8("org.credstack.catalog.CredentialPublished.v1"))
                .add("ce_time", utf8("2025-01-31T10:15:00Z"))
                .add("ce_subject", utf8(key))
                .add("content-type", utf8("application/json"))
                .add("x-original-topic", utf8(originalTopic))
                .add("x-original-partition", ByteBuffer.allocate(4).putInt(2).array())
                .add("x-original-offset", ByteBuffer.allocate(8).putLong(41).array())
                .add(
                        "x-original-timestamp",
                        ByteBuffer.allocate(8).putLong(1_738_318_500_000L).array())
                .add("x-original-timestamp-type", utf8("CreateTime"))
                .add("x-exception-fqcn", utf8("org.credstack.events.MalformedEventException"))
                .add("x-exception-message", utf8("title is too long"))
                .add("x-exception-stacktrace", utf8("org.credstack.events.MalformedEventException: ..."));
        try (TestBroker broker = new TestBroker(json)) {
            return broker.publish(record);
        }
    }

    /** Every record with {@code key} on {@code topic}, read from the beginning to the end as of now. */
    private List<ConsumerRecord<String, byte[]>> recordsWithKey(String topic, String key) {
        try (TestBroker broker = new TestBroker(json)) {
            return broker.readToEnd(topic).stream()
                    .filter(r -> key.equals(r.key()))
                    .map(Received::record)
                    .toList();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
