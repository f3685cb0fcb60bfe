package org.credstack.web.operator;

import java.util.regex.Pattern;
import org.credstack.web.InvalidInput;

/**
 * The dead letter an operator asked to replay, as the replay form sends it.
 *
 * @param service the service whose dead letter it is ({@code badge-service})
 * @param dlqTopic its dead-letter topic, {@code <topic>.<group>.dlq}
 * @param partition partition there, from 0
 * @param offset offset there, from 0
 */
public record ReplayTarget(String service, String dlqTopic, int partition, long offset) {

    /** A Kafka topic name (letters, digits, {@code . _ -}) ending in {@code .dlq}. */
    private static final Pattern DLQ_TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,245}\\.dlq");

    /**
     * Reads the form's fields.
     *
     * @throws InvalidInput naming {@code service} (not one the page watches), {@code dlqTopic} (not a dead-letter
     *     topic's name), {@code partition} or {@code offset} (not a whole number from 0)
     */
    static ReplayTarget parse(
            OperatedServices services, String service, String dlqTopic, String partition, String offset) {
        if (service == null || services.named(service).isEmpty()) {
            throw new InvalidInput("service", "must be one of " + services.names() + ", was " + service);
        }
        if (dlqTopic == null || !DLQ_TOPIC.matcher(dlqTopic).matches()) {
            throw new InvalidInput("dlqTopic", "must be a dead-letter topic's name, ending in .dlq");
        }
        return new ReplayTarget(
                service,
                dlqTopic,
                (int) number("partition", partition, Integer.MAX_VALUE),
                number("offset", offset, Long.MAX_VALUE));
    }

    private static long number(String field, String value, long max) {
        try {
            long number = Long.parseLong(value == null ? "" : value.strip());
            if (number >= 0 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInput(field, "must be a whole number from 0, was " + value);
    }
}
