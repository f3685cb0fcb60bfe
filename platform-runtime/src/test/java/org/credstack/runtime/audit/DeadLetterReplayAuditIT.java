package org.credstack.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.credstack.runtime.security.SecurityTestApplication;
import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.TestBroker;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

/** An operator's dead-letter replay is recorded in the service's audit log; a refused one records nothing. */
@Tag("security")
@SpringBootTest(
        classes = SecurityTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=security-test")
@InfrastructureTest
class DeadLetterReplayAuditIT {

    static final String ORIGINAL = "catalog.credentials.v1";
    static final String DLQ = "catalog.credentials.v1.security-test.dlq";

    @LocalServerPort
    int port;

    @Autowired
    KafkaAdmin admin;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void recordsTheOperatorsReplayAndNothingForARefusedOne() throws Exception {
        admin.createOrModifyTopics(TopicBuilder.name(DLQ).partitions(1).build());
        RecordMetadata dead = deadLetter("cred-" + UUID.randomUUID());
        String path = "/api/v1/dead-letters/" + DLQ + "/0/" + dead.offset();
        long before = entries();

        assertThat(replay(path, TestTokens.staff("p-1")).statusCode()).isEqualTo(403);
        assertThat(entries()).isEqualTo(before);

        HttpResponse<String> replayed = replay(path, TestTokens.operator());

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        Document entry = mongo.getCollection(AuditLog.COLLECTION)
                .find(new Document("target", path))
                .first();
        assertThat(entry).isNotNull();
        assertThat(entry.getString("action")).isEqualTo("dead-letter.replayed");
        assertThat(entry.get("actor", Document.class).getString("id")).isEqualTo(TestTokens.OPERATOR_ID);
        assertThat(entry.get("actor", Document.class).getList("roles", String.class))
                .containsExactly("operator");
        assertThat(entry.containsKey("providerId")).isFalse();
        assertThat(entry.get("details", Document.class).getString("originalTopic"))
                .isEqualTo(ORIGINAL);
        assertThat(entries()).isEqualTo(before + 1);

        assertThat(replay(path, TestTokens.operator()).statusCode()).isEqualTo(409);
        assertThat(entries()).as("a replay refused as done already").isEqualTo(before + 1);
    }

    private long entries() {
        return mongo.getCollection(AuditLog.COLLECTION).countDocuments();
    }

    private HttpResponse<String> replay(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "/replay"))
                .POST(BodyPublishers.noBody())
                .header("Authorization", TestTokens.bearer(token))
                .build();
        return http.send(request, BodyHandlers.ofString());
    }

    private RecordMetadata deadLetter(String key) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(DLQ, 0, key, "{}".getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("x-original-topic", ORIGINAL.getBytes(StandardCharsets.UTF_8));
        try (TestBroker broker = new TestBroker(json)) {
            return broker.publish(record);
        }
    }
}
