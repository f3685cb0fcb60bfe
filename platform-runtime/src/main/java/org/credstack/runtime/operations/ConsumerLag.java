package org.credstack.runtime.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * How far this service's consumer group is behind on each topic it reads (docs/web-app-operator.md, "Decisions"), measured
 * with Kafka's {@link Admin} client: the group's committed offset of each partition against the partition's end
 * offset. The topics are those the group has committed offsets on or its members are assigned; a partition without a
 * committed offset counts from its earliest offset (the bindings start there, {@code start-offset: earliest}).
 *
 * <p>One measurement is kept for {@code cacheFor} of the injected {@link Clock}, so a page that refreshes often (or
 * many pages) asks the broker at most once in that time. Nothing is committed, and no group is joined.
 */
public class ConsumerLag implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;

    private final List<String> groups;
    private final Admin admin;
    private final Clock clock;
    private final Duration cacheFor;
    private Measurement cached;

    /**
     * @param groups the service's consumer groups ({@code spring.application.name} for every binding)
     * @param admin closed with this object
     * @param cacheFor how long one measurement is answered again
     */
    public ConsumerLag(List<String> groups, Admin admin, Clock clock, Duration cacheFor) {
        this.groups = List.copyOf(groups);
        this.admin = admin;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    /**
     * The lag of every group on every topic it reads, at most {@code cacheFor} old.
     *
     * @throws TimeoutException if the broker does not answer within 10 s
     */
    public synchronized Measurement measure() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cached.measuredAt().plus(cacheFor))) {
            List<GroupLag> measured = new ArrayList<>();
            for (String group : groups) {
                measured.add(groupLag(group));
            }
            cached = new Measurement(now, measured);
        }
        return cached;
    }

    private GroupLag groupLag(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        ConsumerGroupDescription description = describe(group);
        Set<String> topics = new TreeSet<>();
        committed.keySet().forEach(partition -> topics.add(partition.topic()));
        int members = 0;
        String state = "UNKNOWN";
        if (description != null) {
            members = description.members().size();
            state = description.groupState().name();
            for (MemberDescription member : description.members()) {
                member.assignment().topicPartitions().forEach(partition -> topics.add(partition.topic()));
            }
        }
        if (topics.isEmpty()) {
            return new GroupLag(group, state, members, 0, List.of());
        }
        List<TopicPartition> partitions = partitionsOf(topics);
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(
                partitions.stream()
                        .filter(partition -> committed.get(partition) == null)
                        .toList(),
                OffsetSpec.earliest());
        Map<String, List<PartitionLag>> byTopic = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata commit = committed.get(partition);
            long end = ends.get(partition).offset();
            Long committedOffset = commit == null ? null : commit.offset();
            long from = commit == null ? earliest.get(partition).offset() : commit.offset();
            byTopic.computeIfAbsent(partition.topic(), ignored -> new ArrayList<>())
                    .add(new PartitionLag(partition.partition(), committedOffset, end, Math.max(0, end - from)));
        }
        List<TopicLag> topicLags = new ArrayList<>();
        byTopic.forEach((topic, lags) -> topicLags.add(
                new TopicLag(topic, lags.stream().mapToLong(PartitionLag::lag).sum(), List.copyOf(lags))));
        return new GroupLag(
                group,
                state,
                members,
                topicLags.stream().mapToLong(TopicLag::lag).sum(),
                List.copyOf(topicLags));
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> found =
                    await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            found.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset);
                }
            });
            return committed;
        } catch (GroupIdNotFoundException e) {
            return Map.of();
        }
    }

    private ConsumerGroupDescription describe(String group) {
        try {
            return await(admin.describeConsumerGroups(List.of(group))
                    .describedGroups()
                    .get(group));
        } catch (GroupIdNotFoundException e) {
            return null;
        }
    }

    private List<TopicPartition> partitionsOf(Collection<String> topics) {
        Map<String, TopicDescription> described =
                await(admin.describeTopics(topics).allTopicNames());
        List<TopicPartition> partitions = new ArrayList<>();
        described
                .values()
                .forEach(topic -> topic.partitions()
                        .forEach(info -> partitions.add(new TopicPartition(topic.name(), info.partition()))));
        partitions.sort((a, b) -> a.topic().equals(b.topic())
                ? Integer.compare(a.partition(), b.partition())
                : a.topic().compareTo(b.topic()));
        return partitions;
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return await(admin.listOffsets(request).all());
    }

    /** The future's value; its Kafka error rethrown as it is, a wait over 10 s as a {@link TimeoutException}. */
    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("the broker's answer failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TimeoutException("the broker did not answer in " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the broker", e);
        }
    }

    /** Closes the admin client. */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    /**
     * The answer of {@code GET /api/v1/operations/consumer-lag}.
     *
     * @param measuredAt when the broker was asked (UTC); the answer is reused for a few seconds after
     * @param groups one entry per consumer group of the service; none for a service that consumes nothing
     */
    public record Measurement(Instant measuredAt, List<GroupLag> groups) {}

    /**
     * One consumer group.
     *
     * @param group the consumer group id
     * @param state the group's state ({@code STABLE}, {@code EMPTY}, {@code DEAD}, ...; {@code UNKNOWN} if the broker
     *     does not know the group)
     * @param members how many consumers are in it now
     * @param lag records behind over all its topics
     * @param topics the topics it reads, by name
     */
    public record GroupLag(String group, String state, int members, long lag, List<TopicLag> topics) {}

    /**
     * One topic a group reads.
     *
     * @param topic the topic
     * @param lag records behind over its partitions
     * @param partitions each partition, by number
     */
    public record TopicLag(String topic, long lag, List<PartitionLag> partitions) {}

    /**
     * One partition.
     *
     * @param partition its number
     * @param committedOffset the group's committed offset (the next record it will read), {@code null} if none yet
     * @param endOffset the offset the next record written will get
     * @param lag {@code endOffset - committedOffset}, or from the earliest offset when nothing is committed yet
     */
    public record PartitionLag(int partition, Long committedOffset, long endOffset, long lag) {}
}
