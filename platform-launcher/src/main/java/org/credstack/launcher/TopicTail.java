package org.credstack.launcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints what a topic holds from offset 0 to its current end: partition, offset, key, the CloudEvents
 * headers and the JSON value, one record per block. Behind {@code ./credstack events TOPIC}.
 *
 * <p>Usage: {@code TopicTail TOPIC [BOOTSTRAP_SERVERS]} (default {@code localhost:9092}). A topic the broker does
 * not have is not created: the tail exits with status {@value #NO_SUCH_TOPIC}, naming the topics there are.
 */
public final class TopicTail {

    static final String LOG_CONFIG = "log4j2.configurationFile";

    /** The exit status for a topic the broker does not have. */
    static final int NO_SUCH_TOPIC = 3;

    private TopicTail() {}

    /**
     * @param args topic name, then optionally the bootstrap servers
     */
    public static void main(String[] args) {
        // before the first logger exists: the Kafka client's config dump and INFO lines would bury the records
        if (System.getProperty(LOG_CONFIG) == null) {
            System.setProperty(LOG_CONFIG, "log4j2-topic-tail.xml");
        }
        if (args.length < 1) {
            System.err.println("usage: TopicTail TOPIC [BOOTSTRAP_SERVERS]");
            System.exit(2);
        }
        String topic = args[0];
        String bootstrap = args.length > 1 ? args[1] : "localhost:9092";
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "credstack-topic-tail-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                // the broker creates topics on first use (auto.create.topics.enable): a typo must not make one
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            Set<String> known =
                    new TreeSet<>(consumer.listTopics(Duration.ofSeconds(10)).keySet());
            if (!known.contains(topic)) {
                System.err.println(noSuchTopic(topic, known));
                System.exit(NO_SUCH_TOPIC);
            }
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int printed = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    System.out.println(describe(record));
                    printed++;
                }
            }
            System.out.printf("%d records on %s%n", printed, topic);
        }
    }

    /** {@code no topic no.such.topic on the broker; its topics: a, b} (internal ones, {@code __...}, left out). */
    static String noSuchTopic(String topic, Set<String> known) {
        List<String> shown =
                known.stream().filter(name -> !name.startsWith("__")).sorted().toList();
        return "no topic " + topic + " on the broker; its topics: "
                + (shown.isEmpty() ? "none yet" : String.join(", ", shown));
    }

    static String describe(ConsumerRecord<String, String> record) {
        List<String> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        return String.format(
                "partition %d offset %d key %s%n  %s%n  %s%n",
                record.partition(), record.offset(), record.key(), String.join(" ", headers), record.value());
    }
}
