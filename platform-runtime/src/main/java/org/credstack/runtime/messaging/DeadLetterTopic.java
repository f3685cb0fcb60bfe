package org.credstack.runtime.messaging;

import java.util.Optional;

/**
 * The one naming rule for dead-letter topics: a record that a consumer group could not handle on
 * {@code <topic>} is parked on {@code <topic>.<group>.dlq} (docs/architecture.md, "Topics"). The Kafka
 * binder is configured with this name ({@link MessagingDefaults}) and the dead-letter API finds and
 * replays records by it, so both always agree.
 */
public final class DeadLetterTopic {

    private static final String SUFFIX = ".dlq";

    private DeadLetterTopic() {}

    /**
     * The dead-letter topic of one consumer group on one topic.
     *
     * @param topic the topic the records were read from, e.g. {@code catalog.credentials.v1}
     * @param group the consumer group, e.g. {@code badge-service}
     * @return e.g. {@code catalog.credentials.v1.badge-service.dlq}
     * @throws IllegalArgumentException if either is blank
     */
    public static String name(String topic, String group) {
        if (topic == null || topic.isBlank() || group == null || group.isBlank()) {
            throw new IllegalArgumentException("a dead-letter topic needs a topic and a group, got topic '" + topic
                    + "' and group '" + group + "'");
        }
        return topic + "." + group + SUFFIX;
    }

    /**
     * The topic whose dead letters {@code deadLetterTopic} holds for {@code group}: the inverse of
     * {@link #name}.
     *
     * @return the original topic, or empty if {@code deadLetterTopic} is not named like a dead-letter topic
     *     of {@code group}
     */
    public static Optional<String> originalTopic(String deadLetterTopic, String group) {
        String suffix = "." + group + SUFFIX;
        if (deadLetterTopic.endsWith(suffix) && deadLetterTopic.length() > suffix.length()) {
            return Optional.of(deadLetterTopic.substring(0, deadLetterTopic.length() - suffix.length()));
        }
        return Optional.empty();
    }
}
