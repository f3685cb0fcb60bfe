package org.credstack.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every {@code BadgeIssued} published on {@code badge.events.v1} from the moment {@link #start} returns, for the
 * enrollments the run watches: one plain consumer on its own thread, no consumer group, no requests to any service, so
 * observing the pipeline adds no load to it.
 *
 * <p>The wire contract is platform-events' ({@code Topic.BADGE_EVENTS}, {@code EventEnvelope}, {@code BadgeIssued};
 * {@code platform-events/asyncapi.yaml}): CloudEvents in Kafka binary mode, {@code ce_type} header {@value
 * #BADGE_ISSUED}, JSON value with {@code badgeId} and {@code enrollmentId}.
 */
final class IssuedCredentials implements AutoCloseable {

    static final String TOPIC = "badge.events.v1";
    static final String TYPE_HEADER = "ce_type";
    static final String ID_HEADER = "ce_id";
    static final String BADGE_ISSUED = "org.credstack.badge.BadgeIssued.v1";

    /**
     * One {@code BadgeIssued} record.
     *
     * @param badgeId the credential's id
     * @param eventId {@code ce_id}: the same id twice is one event delivered twice, not a second award
     * @param publishedAtMillis the record's timestamp (the producer's clock when badge-service published it), epoch ms
     * @param seenAtMillis when this consumer read it, epoch ms
     */
    record Issued(String badgeId, String eventId, long publishedAtMillis, long seenAtMillis) {}

    private final Set<String> watched;
    private final Map<String, List<Issued>> byEnrollment = new ConcurrentHashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread thread;
    private volatile RuntimeException failure;

    /** @param watched the enrollment ids whose credentials count; others are skipped */
    IssuedCredentials(String bootstrapServers, Set<String> watched) {
        this.watched = watched;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "credstack-load");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = Thread.ofPlatform().name("badge-events-reader").daemon().unstarted(this::read);
    }

    /**
     * Starts reading at the end offsets of every partition, and returns once those are fixed: any credential issued
     * after this returns is seen.
     *
     * @throws IllegalStateException if the topic cannot be read within 30 s
     */
    void start() {
        thread.start();
        try {
            if (!positioned.await(30, TimeUnit.SECONDS) || failure != null) {
                throw new IllegalStateException("cannot read " + TOPIC, failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The records seen so far per watched enrollment id (live view). */
    Map<String, List<Issued>> byEnrollment() {
        return byEnrollment;
    }

    /** Why reading stopped early, or {@code null} while it runs: the counts after a failure are incomplete. */
    RuntimeException failure() {
        return failure;
    }

    private void read() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException(TOPIC + " has no partitions (is badge-service up?)");
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    accept(record, System.currentTimeMillis());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            positioned.countDown();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void accept(ConsumerRecord<byte[], byte[]> record, long seenAt) {
        if (!BADGE_ISSUED.equals(header(record, TYPE_HEADER))) {
            return;
        }
        JsonNode event;
        try {
            event = PlatformClient.JSON.readTree(record.value());
        } catch (IOException e) {
            return; // not ours to judge: badge-service's own tests pin the record's shape
        }
        String enrollmentId = event.path("enrollmentId").asText(null);
        if (enrollmentId != null && watched.contains(enrollmentId)) {
            byEnrollment
                    .computeIfAbsent(enrollmentId, id -> new CopyOnWriteArrayList<>())
                    .add(new Issued(
                            event.path("badgeId").asText(), header(record, ID_HEADER), record.timestamp(), seenAt));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
