package org.credstack.web.operator;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The lag of one consumer group on one topic.
 *
 * @param service the service whose group it is
 * @param group the consumer group
 * @param state the group's state ({@code STABLE}, {@code EMPTY}, ...)
 * @param members consumers in the group now
 * @param topic the topic it reads
 * @param lag records behind, over the topic's partitions
 * @param partitions per partition: {@code 0: 12 of 14}, committed offset of end offset ({@code none} before a commit)
 */
public record LagRow(
        String service, String group, String state, int members, String topic, long lag, List<String> partitions) {

    /** The rows of one service's {@code GET /api/v1/operations/consumer-lag} answer, group by group, topic by topic. */
    static List<LagRow> of(String service, JsonNode measurement) {
        List<LagRow> rows = new ArrayList<>();
        for (JsonNode group : measurement.path("groups")) {
            for (JsonNode topic : group.path("topics")) {
                List<String> partitions = new ArrayList<>();
                for (JsonNode partition : topic.path("partitions")) {
                    JsonNode committed = partition.path("committedOffset");
                    partitions.add(partition.path("partition").asInt() + ": "
                            + (committed.isNumber() ? committed.asString() : "none") + " of "
                            + partition.path("endOffset").asString());
                }
                rows.add(new LagRow(
                        service,
                        group.path("group").asString(""),
                        group.path("state").asString(""),
                        group.path("members").asInt(),
                        topic.path("topic").asString(""),
                        topic.path("lag").asLong(),
                        partitions));
            }
        }
        return rows;
    }
}
