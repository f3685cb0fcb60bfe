package org.credstack.runtime.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.credstack.runtime.messaging.DeadLetterTopic;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Reads this service's dead-letter topics and replays their records.
 *
 * <p>The dead-letter topics of a service are those {@link DeadLetterTopic} names for its consumer group, which
 * is {@code spring.application.name} for every binding: {@code <topic>.<spring.application.name>.dlq}.
 * Each call reads with its own short-lived consumer that is assigned partitions and seeks; it joins no
 * consumer group and commits nothing, so reading moves no one's offsets.
 *
 * <p>A replay first claims the record in {@value DeadLetterReplay#COLLECTION} (unique id), then sends the
 * record's key, value and own headers to the original topic and waits for the broker's acknowledgement; a
 * failed send releases the claim. A crash between claim and send leaves the record marked replayed without
 * a send: its replay document then has no {@code republishedOffset}.
 */
class DeadLetters implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final String group;
    private final Map<String, Object> consumerConfig;
    private final KafkaTemplate<byte[], byte[]> producer;
    private final MongoTemplate mongo;
    private final Clock clock;

    /**
     * @param application {@code spring.application.name}, the consumer group of every binding
     * @param consumerConfig Kafka consumer settings (bootstrap servers, security); group and commit
     *     settings are overridden
     * @param producer sends replays; byte-array key and value
     */
    DeadLetters(
            String application,
            Map<String, Object> consumerConfig,
            KafkaTemplate<byte[], byte[]> producer,
            MongoTemplate mongo,
            Clock clock) {
        this.group = application;
        this.consumerConfig = readOnly(consumerConfig);
        this.producer = producer;
        this.mongo = mongo;
        this.clock = clock;
    }

    private static Map<String, Object> readOnly(Map<String, Object> config) {
        Map<String, Object> copy = new HashMap<>(config);
        copy.remove(ConsumerConfig.GROUP_ID_CONFIG);
        copy.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        copy.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        copy.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        copy.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return Map.copyOf(copy);
    }

    /** Whether {@code topic} is named like one of this service's dead-letter topics. */
    boolean isDeadLetterTopic(String topic) {
        return DeadLetterTopic.originalTopic(topic, group).isPresent();
    }

    /**
     * The records of all of this service's dead-letter topics, oldest first per topic and partition (topics
     * and partitions in name order), as far as each partition's end when the call started.
     *
     * @param limit at most this many records
     * @throws TimeoutException if the broker does not answer within 10 s
     */
    List<DeadLetter> list(int limit) {
        List<DeadLetter> found = new ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = consumer()) {
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            List<TopicPartition> partitions = deadLetterPartitions(consumer);
            // assigned before asking for offsets: the client warns of every offset it learns for an
            // unassigned partition ("Not updating high watermark ... no longer assigned")
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            for (TopicPartition partition : partitions) {
                read(consumer, partition, ends.get(partition), limit - found.size(), deadline, found);
                if (found.size() >= limit) {
                    break;
                }
            }
        }
        Set<String> replayed = replayed(found);
        return found.stream()
                .map(letter -> letter.withReplayed(
                        replayed.contains(DeadLetterReplay.id(letter.dlqTopic(), letter.partition(), letter.offset()))))
                .toList();
    }

    /**
     * Re-publishes one dead letter to the topic it failed on: same key, same value, its own headers without
     * those the dead-lettering added ({@link DeadLetterHeaders#addedByDeadLettering}).
     *
     * @throws DeadLetterNotFoundException if {@code dlqTopic} is not one of this service's dead-letter topics
     *     or holds no record at that partition and offset
     * @throws DeadLetterNotReplayableException if the record names no original topic, or one other than
     *     the topic its dead-letter topic is named after
     * @throws DeadLetterAlreadyReplayedException if it was replayed before (nothing is sent)
     * @throws TimeoutException if the broker does not answer in time
     */
    DeadLetterReplay replay(String dlqTopic, int partition, long offset) {
        DeadLetterReplay earlier = mongo.findById(
                DeadLetterReplay.id(dlqTopic, partition, offset), DeadLetterReplay.class, DeadLetterReplay.COLLECTION);
        if (earlier != null) { // answered from the claim, also once the record itself has aged out of the topic
            throw new DeadLetterAlreadyReplayedException(earlier);
        }
        ConsumerRecord<byte[], byte[]> record = readOne(dlqTopic, partition, offset);
        String originalTopic = DeadLetterHeaders.of(record.headers()).originalTopic();
        String expected = DeadLetterTopic.originalTopic(dlqTopic, group).orElseThrow();
        if (!expected.equals(originalTopic)) {
            throw new DeadLetterNotReplayableException("dead letter " + DeadLetterReplay.id(dlqTopic, partition, offset)
                    + " names original topic " + originalTopic + " in " + DeadLetterHeaders.ORIGINAL_TOPIC
                    + ", expected " + expected);
        }
        DeadLetterReplay claim =
                claim(DeadLetterReplay.claimed(dlqTopic, partition, offset, originalTopic, clock.instant()));
        RecordMetadata sent;
        try {
            sent = send(record, originalTopic);
        } catch (RuntimeException e) {
            mongo.remove(Query.query(Criteria.where("_id").is(claim.id())), DeadLetterReplay.COLLECTION);
            throw e;
        }
        return mongo.save(claim.republishedAt(sent.partition(), sent.offset()), DeadLetterReplay.COLLECTION);
    }

    private DeadLetterReplay claim(DeadLetterReplay claim) {
        try {
            return mongo.insert(claim, DeadLetterReplay.COLLECTION);
        } catch (DuplicateKeyException e) {
            DeadLetterReplay earlier = mongo.findById(claim.id(), DeadLetterReplay.class, DeadLetterReplay.COLLECTION);
            if (earlier == null) { // the earlier replay failed to send and released its claim meanwhile
                return claim(claim);
            }
            throw new DeadLetterAlreadyReplayedException(earlier);
        }
    }

    private RecordMetadata send(ConsumerRecord<byte[], byte[]> record, String topic) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(header -> {
            if (!DeadLetterHeaders.addedByDeadLettering(header.key())) {
                headers.add(header);
            }
        });
        try {
            return producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .getRecordMetadata();
        } catch (ExecutionException e) {
            throw new IllegalStateException("replay to " + topic + " failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TimeoutException("replay to " + topic + " not acknowledged in " + SEND_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying to " + topic, e);
        }
    }

    private ConsumerRecord<byte[], byte[]> readOne(String dlqTopic, int partition, long offset) {
        String id = DeadLetterReplay.id(dlqTopic, partition, offset);
        if (!isDeadLetterTopic(dlqTopic)) {
            throw new DeadLetterNotFoundException(dlqTopic + " is not a dead-letter topic of this service ("
                    + DeadLetterTopic.name("<topic>", group) + ")");
        }
        try (Consumer<byte[], byte[]> consumer = consumer()) {
            List<PartitionInfo> partitions = consumer.listTopics(READ_TIMEOUT).get(dlqTopic);
            if (partitions == null || partitions.stream().noneMatch(p -> p.partition() == partition)) {
                throw new DeadLetterNotFoundException("no dead letter " + id + ": no such topic or partition");
            }
            TopicPartition tp = new TopicPartition(dlqTopic, partition);
            consumer.assign(List.of(tp));
            long begin = consumer.beginningOffsets(List.of(tp), READ_TIMEOUT).get(tp);
            long end = consumer.endOffsets(List.of(tp), READ_TIMEOUT).get(tp);
            if (begin >= end) {
                throw new DeadLetterNotFoundException("no dead letter " + id + ": the partition is empty");
            }
            if (offset < begin || offset >= end) {
                throw new DeadLetterNotFoundException(
                        "no dead letter " + id + ": offsets there run from " + begin + " to " + (end - 1));
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (consumer.position(tp) <= offset) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
                checkDeadline(deadline, dlqTopic);
            }
            throw new DeadLetterNotFoundException("no dead letter " + id + ": the offset holds no record");
        }
    }

    private List<TopicPartition> deadLetterPartitions(Consumer<byte[], byte[]> consumer) {
        return consumer.listTopics(READ_TIMEOUT).entrySet().stream()
                .filter(topic -> isDeadLetterTopic(topic.getKey()))
                .flatMap(topic -> topic.getValue().stream())
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .toList();
    }

    private static void read(
            Consumer<byte[], byte[]> consumer,
            TopicPartition partition,
            long end,
            int max,
            long deadline,
            List<DeadLetter> into) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        int taken = 0;
        while (taken < max && consumer.position(partition) < end) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end && taken < max) {
                    into.add(DeadLetter.of(record, false));
                    taken++;
                }
            }
            checkDeadline(deadline, partition.topic());
        }
    }

    private static void checkDeadline(long deadline, String topic) {
        if (System.nanoTime() - deadline > 0) {
            throw new TimeoutException("reading " + topic + " took longer than " + READ_TIMEOUT.toSeconds() + " s");
        }
    }

    private Set<String> replayed(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Set.of();
        }
        List<String> ids = letters.stream()
                .map(l -> DeadLetterReplay.id(l.dlqTopic(), l.partition(), l.offset()))
                .toList();
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id");
        return mongo.find(query, Document.class, DeadLetterReplay.COLLECTION).stream()
                .map(document -> document.getString("_id"))
                .collect(Collectors.toSet());
    }

    /** Closes the replay producer. */
    @Override
    public void close() {
        producer.getProducerFactory().reset();
    }

    private Consumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
