package org.credstack.web.operator;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One dead letter of a service, as {@code GET /api/v1/dead-letters} lists it.
 *
 * @param service the service whose consumer could not handle the record
 * @param dlqTopic its dead-letter topic; with {@code partition} and {@code offset} it names the record to replay
 * @param partition partition of the dead-letter topic
 * @param offset offset there
 * @param originalTopic the topic it failed on
 * @param ceType the event's CloudEvents type, or empty
 * @param key the record key, or empty
 * @param errorType the exception's class name, or empty
 * @param errorMessage the exception's message, or empty
 * @param timestamp when it was dead-lettered, ISO-8601 UTC
 * @param replayed whether it has been replayed
 */
public record DeadLetterRow(
        String service,
        String dlqTopic,
        int partition,
        long offset,
        String originalTopic,
        String ceType,
        String key,
        String errorType,
        String errorMessage,
        String timestamp,
        boolean replayed) {

    /** The rows of one service's answer, in its order. */
    static List<DeadLetterRow> of(String service, JsonNode letters) {
        List<DeadLetterRow> rows = new ArrayList<>();
        for (JsonNode letter : letters) {
            JsonNode exception = letter.path("exception");
            rows.add(new DeadLetterRow(
                    service,
                    letter.path("dlqTopic").asString(""),
                    letter.path("partition").asInt(),
                    letter.path("offset").asLong(),
                    letter.path("originalTopic").asString(""),
                    letter.path("ceType").asString(""),
                    letter.path("key").asString(""),
                    exception.path("type").asString(""),
                    exception.path("message").asString(""),
                    letter.path("timestamp").asString(""),
                    letter.path("replayed").asBoolean()));
        }
        return rows;
    }

    /** The exception's simple class name ({@code MalformedEventException}), or empty. */
    public String errorName() {
        return errorType.substring(errorType.lastIndexOf('.') + 1);
    }
}
