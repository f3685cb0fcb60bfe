package org.credstack.runtime.deadletter;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * The replay of one dead letter: a document of the {@value #COLLECTION} collection and the answer of
 * {@code POST /api/v1/dead-letters/{dlqTopic}/{partition}/{offset}/replay}.
 *
 * <p>Its id is {@code <dlqTopic>/<partition>/<offset>} (a topic name cannot contain {@code /}), so the
 * store's unique {@code _id} lets each dead letter be replayed once.
 *
 * @param id {@code <dlqTopic>/<partition>/<offset>}
 * @param dlqTopic the dead-letter topic the record was read from
 * @param partition its partition there
 * @param offset its offset there
 * @param originalTopic the topic it was re-published to
 * @param replayedAt when the replay was claimed (UTC, from the service's clock)
 * @param republishedPartition partition of the re-published record, {@code null} while it is being sent
 * @param republishedOffset offset of the re-published record, {@code null} while it is being sent
 */
record DeadLetterReplay(
        @Id String id,
        String dlqTopic,
        int partition,
        long offset,
        String originalTopic,
        Instant replayedAt,
        Integer republishedPartition,
        Long republishedOffset) {

    static final String COLLECTION = "deadLetterReplays";

    static String id(String dlqTopic, int partition, long offset) {
        return dlqTopic + "/" + partition + "/" + offset;
    }

    static DeadLetterReplay claimed(
            String dlqTopic, int partition, long offset, String originalTopic, Instant replayedAt) {
        return new DeadLetterReplay(
                id(dlqTopic, partition, offset), dlqTopic, partition, offset, originalTopic, replayedAt, null, null);
    }

    DeadLetterReplay republishedAt(int partition, long offset) {
        return new DeadLetterReplay(
                id, dlqTopic, this.partition, this.offset, originalTopic, replayedAt, partition, offset);
    }
}
