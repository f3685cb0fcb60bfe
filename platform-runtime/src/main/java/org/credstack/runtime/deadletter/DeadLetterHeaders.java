package org.credstack.runtime.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What the Kafka binder wrote into a dead-letter record's headers about the failure, plus the record's
 * CloudEvents identity.
 *
 * <p>The binder ({@code KafkaMessageChannelBinder}, header mode {@code headers}) keeps the failed record's
 * own headers and adds {@code x-original-topic} (UTF-8), {@code x-original-partition} (4-byte big-endian
 * int), {@code x-original-offset} and {@code x-original-timestamp} (8-byte big-endian long),
 * {@code x-original-timestamp-type}, {@code x-exception-fqcn}, {@code x-exception-message} (absent when the
 * exception had none) and {@code x-exception-stacktrace} (all UTF-8). Spring Kafka's
 * {@code DeadLetterPublishingRecoverer} writes the same facts as {@code kafka_dlt-*} headers
 * ({@code KafkaHeaders.DLT_*}, also binary numbers); they are read when the binder's are missing. A number
 * header made only of ASCII digits is read as decimal text.
 *
 * @param originalTopic the topic the record failed on, or {@code null} if no header says
 * @param originalPartition its partition there, or {@code null}
 * @param originalOffset its offset there, or {@code null}
 * @param exceptionType fully qualified class name of the exception, or {@code null}
 * @param exceptionMessage the exception's message, or {@code null}
 * @param ceId the CloudEvents {@code ce_id}, or {@code null}
 * @param ceType the CloudEvents {@code ce_type}, or {@code null}
 */
record DeadLetterHeaders(
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String exceptionType,
        String exceptionMessage,
        String ceId,
        String ceType) {

    static final String ORIGINAL_TOPIC = "x-original-topic";
    static final String ORIGINAL_PARTITION = "x-original-partition";
    static final String ORIGINAL_OFFSET = "x-original-offset";
    static final String EXCEPTION_FQCN = "x-exception-fqcn";
    static final String EXCEPTION_MESSAGE = "x-exception-message";
    static final String EXCEPTION_STACKTRACE = "x-exception-stacktrace";

    private static final String BINDER_ORIGINAL_PREFIX = "x-original-";
    private static final String BINDER_EXCEPTION_PREFIX = "x-exception-";
    private static final String SPRING_KAFKA_PREFIX = "kafka_dlt-";

    /** Reads the last value of each header; missing or unreadable headers give {@code null}. */
    static DeadLetterHeaders of(Headers headers) {
        return new DeadLetterHeaders(
                text(headers, ORIGINAL_TOPIC, "kafka_dlt-original-topic"),
                partition(number(headers, ORIGINAL_PARTITION, "kafka_dlt-original-partition")),
                number(headers, ORIGINAL_OFFSET, "kafka_dlt-original-offset"),
                text(headers, EXCEPTION_FQCN, "kafka_dlt-exception-fqcn"),
                text(headers, EXCEPTION_MESSAGE, "kafka_dlt-exception-message"),
                text(headers, "ce_id"),
                text(headers, "ce_type"));
    }

    /**
     * Whether a header was added by the dead-lettering ({@code x-original-*}, {@code x-exception-*},
     * {@code kafka_dlt-*}) rather than carried by the failed record itself; a replay leaves these out.
     */
    static boolean addedByDeadLettering(String name) {
        return name.startsWith(BINDER_ORIGINAL_PREFIX)
                || name.startsWith(BINDER_EXCEPTION_PREFIX)
                || name.startsWith(SPRING_KAFKA_PREFIX);
    }

    private static Integer partition(Long number) {
        return number == null || number < 0 || number > Integer.MAX_VALUE ? null : number.intValue();
    }

    private static String text(Headers headers, String... names) {
        byte[] value = value(headers, names);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static Long number(Headers headers, String... names) {
        byte[] value = value(headers, names);
        if (value == null) {
            return null;
        }
        if (isDecimal(value)) {
            return Long.valueOf(new String(value, StandardCharsets.US_ASCII));
        }
        return switch (value.length) {
            case Integer.BYTES -> (long) ByteBuffer.wrap(value).getInt();
            case Long.BYTES -> ByteBuffer.wrap(value).getLong();
            default -> null;
        };
    }

    // all ASCII digits: a binary partition or offset would have to exceed 8e8 or 3e18 to look like this
    private static boolean isDecimal(byte[] value) {
        if (value.length == 0 || value.length > 18) {
            return false;
        }
        for (byte b : value) {
            if (b < '0' || b > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] value(Headers headers, String... names) {
        for (String name : names) {
            Header header = headers.lastHeader(name);
            if (header != null && header.value() != null) {
                return header.value();
            }
        }
        return null;
    }
}
