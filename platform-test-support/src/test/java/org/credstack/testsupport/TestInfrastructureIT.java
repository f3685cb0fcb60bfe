package org.credstack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class TestInfrastructureIT {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @Test
    void sameInfrastructureForTheWholeJvm() {
        assertThat(TestInfrastructure.get()).isSameAs(infrastructure);
    }

    @Test
    void brokerDeliversWhatIsProduced() throws Exception {
        Map<String, Object> common =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        try (var producer = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("infrastructure.check", "k", "hello"))
                    .get();
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "infrastructure-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("infrastructure.check"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 20 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records).extracting(r -> r.value()).containsExactly("hello");
        }
    }

    @Test
    void storeKeepsWhatIsInserted() {
        try (var client = MongoClients.create(infrastructure.mongoUri("infrastructure-check"))) {
            var collection = client.getDatabase("infrastructure-check").getCollection("things");
            collection.insertOne(new Document("_id", "a").append("n", 1));
            assertThat(collection.find(new Document("_id", "a")).first()).containsEntry("n", 1);
        }
    }

    @Test
    void modeCanBeForcedByProperty() {
        System.setProperty("credstack.test.infrastructure", "embedded");
        try {
            assertThat(TestInfrastructure.chooseMode()).isEqualTo(TestInfrastructure.Mode.EMBEDDED);
        } finally {
            System.clearProperty("credstack.test.infrastructure");
        }
    }
}
