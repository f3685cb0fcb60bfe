package org.credstack.catalog.credential;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.credstack.events.EventEnvelope;
import org.credstack.events.Topic;
import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the catalog ITs share: one Spring context (same annotations everywhere, so the context cache
 * reuses it) against the real broker and store, an HTTP client that never throws on error statuses, and
 * a plain Kafka consumer of {@code catalog.credentials.v1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
abstract class CatalogIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    MongoTemplate mongo;

    /** A response as the client saw it. */
    record Answer(int status, String contentType, String location, JsonNode body) {}

    RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    Answer get(String path) {
        return answer(http().get().uri(path).retrieve().toEntity(String.class));
    }

    Answer post(String path, Object body) {
        var request = http().post().uri(path);
        if (body instanceof String raw) {
            request.contentType(MediaType.APPLICATION_JSON).body(raw);
        } else if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        return answer(request.retrieve().toEntity(String.class));
    }

    Answer put(String path, Object body) {
        String raw = body instanceof String s ? s : json.writeValueAsString(body);
        return answer(http().put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(raw)
                .retrieve()
                .toEntity(String.class));
    }

    private Answer answer(ResponseEntity<String> entity) {
        return new Answer(
                entity.getStatusCode().value(),
                String.valueOf(entity.getHeaders().getContentType()),
                entity.getHeaders().getFirst("Location"),
                entity.getBody() == null ? null : json.readTree(entity.getBody()));
    }

    String newProvider(String name) {
        return post("/api/v1/providers", TestDrafts.provider(name))
                .body()
                .get("id")
                .asString();
    }

    String newDraft(CredentialDraft draft) {
        Answer created = post("/api/v1/credentials", draft);
        if (created.status() != 201) {
            throw new AssertionError("draft not created: " + created);
        }
        return created.body().get("id").asString();
    }

    String published(CredentialDraft draft) {
        String id = newDraft(draft);
        Answer published = post("/api/v1/credentials/" + id + "/publish", null);
        if (published.status() != 200) {
            throw new AssertionError("not published: " + published);
        }
        return id;
    }

    long storedCredentials() {
        return mongo.getCollection(Credential.COLLECTION).countDocuments();
    }

    /** Every catalog event on the topic from offset 0 up to its current end, in partition order. */
    List<CatalogRecord> catalogEvents() {
        Properties config = new Properties();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.CATALOG_CREDENTIALS_V1).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<CatalogRecord> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new CatalogRecord(
                            r.key(),
                            r.headers(),
                            EventEnvelope.read(Topic.CATALOG_CREDENTIALS, r.headers(), r.value(), json)));
                }
            }
            return records;
        }
    }

    List<CatalogRecord> catalogEvents(String credentialId) {
        return catalogEvents().stream()
                .filter(r -> credentialId.equals(r.key()))
                .toList();
    }

    /** A consumed record: its key, raw headers and the envelope read from it. */
    record CatalogRecord(String key, org.apache.kafka.common.header.Headers headers, EventEnvelope<?> envelope) {

        String header(String name) {
            return new String(headers.lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
