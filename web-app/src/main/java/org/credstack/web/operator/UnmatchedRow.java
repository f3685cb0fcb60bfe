package org.credstack.web.operator;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A statement in enrollment-service's unmatched inbox.
 *
 * @param statementId the xAPI statement id
 * @param reason {@code NO_LEARNER}, {@code AMBIGUOUS_LEARNER} or {@code NO_ASSIGNMENT}
 * @param actor the actor's identifier key, or empty for a Group
 * @param activityId the object's activity IRI, or empty
 * @param verbId the verb IRI
 * @param timestamp the statement's business time, ISO-8601
 * @param heldAt when it was last found unmatched, ISO-8601 UTC
 */
public record UnmatchedRow(
        String statementId,
        String reason,
        String actor,
        String activityId,
        String verbId,
        String timestamp,
        String heldAt) {

    /** The rows of {@code GET /api/v1/inbox/unmatched}, newest first as it answers. */
    static List<UnmatchedRow> of(JsonNode statements) {
        List<UnmatchedRow> rows = new ArrayList<>();
        for (JsonNode statement : statements) {
            rows.add(new UnmatchedRow(
                    statement.path("statementId").asString(""),
                    statement.path("reason").asString(""),
                    statement.path("actorKey").asString(""),
                    statement.path("activityId").asString(""),
                    statement.path("verbId").asString(""),
                    statement.path("timestamp").asString(""),
                    statement.path("heldAt").asString("")));
        }
        return rows;
    }

    /** The reason in words. */
    public String reasonText() {
        return switch (reason) {
            case "NO_LEARNER" -> "no learner known by this actor";
            case "AMBIGUOUS_LEARNER" -> "several learners match this actor";
            case "NO_ASSIGNMENT" -> "no assignment matches this activity";
            default -> reason;
        };
    }
}
