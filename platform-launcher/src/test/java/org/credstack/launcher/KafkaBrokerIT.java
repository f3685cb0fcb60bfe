package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins that the launcher's Kafka child formats once, serves clients, and keeps records across restarts. */
class KafkaBrokerIT {

    private static final String TOPIC = "catalog.credentials.v1";

    @TempDir
    Path dataDir;

    private final Infrastructure infra = FreePorts.infrastructure();
    private final List<ChildProcess> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (ChildProcess child : children) {
            child.kill();
        }
    }

    @Test
    void keepsRecordsAndClusterIdAcrossRestart() throws Exception {
        ChildProcess first = startKafka();
        Path metaProperties = dataDir.resolve("kafka").resolve("logs").resolve("meta.properties");
        String formatted = Files.readString(metaProperties);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, "credential-1", "CredentialPublished"))
                    .get();
        }
        assertThat(firstRecord()).isEqualTo("credential-1=CredentialPublished");

        assertThat(first.stop(Duration.ofSeconds(20)))
                .as("exit status after SIGTERM")
                .isIn(0, 143);
        startKafka();

        assertThat(Files.readString(metaProperties))
                .as("meta.properties, not reformatted")
                .isEqualTo(formatted);
        assertThat(firstRecord()).as("record after restart").isEqualTo("credential-1=CredentialPublished");
    }

    private ChildProcess startKafka() {
        ChildProcess kafka = infra.startKafka(dataDir, dataDir.resolve("logs"));
        children.add(kafka);
        await().atMost(Duration.ofSeconds(60)).until(() -> Probes.acceptsConnections(infra.kafkaPort()));
        return kafka;
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infra.kafkaBootstrap(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer());
    }

    /** Reads the topic from the beginning with a new consumer group; "key=value" of its first record. */
    private String firstRecord() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
            return records.getFirst().key() + "=" + records.getFirst().value();
        }
    }
}
