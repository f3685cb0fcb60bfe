package org.credstack.runtime.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record of a dead-letter topic, as {@code GET /api/v1/dead-letters} lists it.
 *
 * @param dlqTopic the dead-letter topic, e.g. {@code catalog.credentials.v1.badge-service.dlq}
 * @param partition partition of the dead-letter topic
 * @param offset offset in that partition; with {@code dlqTopic} and {@code partition} it names the record
 *     to replay
 * @param key the record key as UTF-8 text, or {@code null}
 * @param originalTopic the topic the record failed on ({@code x-original-topic}), or {@code null}
 * @param originalPartition its partition there, or {@code null}
 * @param originalOffset its offset there, or {@code null}
 * @param exception what the consumer threw, or {@code null} if no header says
 * @param ceId the CloudEvents {@code ce_id}, or {@code null}
 * @param ceType the CloudEvents {@code ce_type}, or {@code null}
 * @param timestamp when the record was dead-lettered (the dead-letter record's timestamp, UTC)
 * @param valuePreview the value as UTF-8 text, cut after {@value #PREVIEW_CHARS} characters (then ending in
 *     {@code …}), or {@code null} for a tombstone
 * @param replayed whether it has been replayed to its original topic
 */
record DeadLetter(
        String dlqTopic,
        int partition,
        long offset,
        String key,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        Failure exception,
        String ceId,
        String ceType,
        Instant timestamp,
        String valuePreview,
        boolean replayed) {

    static final int PREVIEW_CHARS = 500;
    static final int MESSAGE_CHARS = 300;

    /**
     * The exception that sent the record to the dead-letter topic.
     *
     * @param type fully qualified class name ({@code x-exception-fqcn})
     * @param message its message ({@code x-exception-message}), cut after {@value #MESSAGE_CHARS} characters,
     *     or {@code null}
     */
    record Failure(String type, String message) {}

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record, boolean replayed) {
        DeadLetterHeaders headers = DeadLetterHeaders.of(record.headers());
        Failure failure = headers.exceptionType() == null && headers.exceptionMessage() == null
                ? null
                : new Failure(headers.exceptionType(), shorten(headers.exceptionMessage(), MESSAGE_CHARS));
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                utf8(record.key()),
                headers.originalTopic(),
                headers.originalPartition(),
                headers.originalOffset(),
                failure,
                headers.ceId(),
                headers.ceType(),
                Instant.ofEpochMilli(record.timestamp()),
                shorten(utf8(record.value()), PREVIEW_CHARS),
                replayed);
    }

    /** This dead letter with {@code replayed} set. */
    DeadLetter withReplayed(boolean replayed) {
        return new DeadLetter(
                dlqTopic,
                partition,
                offset,
                key,
                originalTopic,
                originalPartition,
                originalOffset,
                exception,
                ceId,
                ceType,
                timestamp,
                valuePreview,
                replayed);
    }

    /** {@code text} cut after {@code max} characters (never inside a surrogate pair), marked with {@code …}. */
    static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
