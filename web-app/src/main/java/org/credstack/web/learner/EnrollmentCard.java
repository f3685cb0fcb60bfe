package org.credstack.web.learner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One enrollment as "My learning" shows it, read from enrollment-service's {@code EnrollmentView}: what is done,
 * how and when, and what is left.
 *
 * @param id enrollment id
 * @param credentialId the catalog credential
 * @param title the credential's title as enrolled
 * @param renewal whether it renews a credential the learner holds ({@code kind = RENEWAL})
 * @param status {@code IN_PROGRESS}, {@code COMPLETED} or {@code WITHDRAWN}
 * @param enrolledAt when the learner enrolled, UTC
 * @param completedAt when the completion rule was met, UTC, or {@code null}
 * @param withdrawnAt when the learner withdrew, UTC, or {@code null}
 * @param rule the completion rule in words ("all 3 assignments", "at least 2 of 3 assignments")
 * @param assignments each assignment with its progress
 * @param left what is left, in words; {@code null} when nothing is
 * @param attestable a renewal without requirements that waits for the learner's confirmation
 */
public record EnrollmentCard(
        String id,
        String credentialId,
        String title,
        boolean renewal,
        String status,
        Instant enrolledAt,
        Instant completedAt,
        Instant withdrawnAt,
        String rule,
        List<Assignment> assignments,
        String left,
        boolean attestable) {

    /**
     * One assignment's progress.
     *
     * @param id assignment id
     * @param title its title, or its id when it has none
     * @param done whether it counts as done
     * @param how who reported it and how it arrived, in words ({@code null} while not done)
     * @param when the business time it was done, UTC, or {@code null}
     * @param statementId the xAPI statement or partner record that completed it, or {@code null}
     * @param selfPaced nothing reports it: the learner marks it done
     * @param markable the learner may mark it done now (self-paced, not done, enrollment in progress)
     */
    public record Assignment(
            String id,
            String title,
            boolean done,
            String how,
            Instant when,
            String statementId,
            boolean selfPaced,
            boolean markable) {}

    /** Reads one {@code EnrollmentView}. */
    static EnrollmentCard of(JsonNode e) {
        String status = e.path("status").asString("IN_PROGRESS");
        boolean inProgress = "IN_PROGRESS".equals(status);
        List<Assignment> assignments = new ArrayList<>();
        int done = 0;
        for (JsonNode a : e.path("assignments")) {
            boolean isDone = a.path("done").asBoolean(false);
            boolean selfPaced = a.path("activityId").isNull()
                    || a.path("activityId").isMissingNode()
                    || "NotApplicable".equals(a.path("moveOn").asString(""));
            String id = a.path("assignmentId").asString();
            assignments.add(new Assignment(
                    id,
                    text(a.path("title"), id),
                    isDone,
                    isDone ? how(a.path("how").asString(""), a.path("source").asString("")) : null,
                    instant(a.path("when")),
                    text(a.path("statementId"), null),
                    selfPaced,
                    selfPaced && !isDone && inProgress));
            if (isDone) {
                done++;
            }
        }
        int total = assignments.size();
        JsonNode rule = e.path("completionRule");
        int required = "AT_LEAST".equals(rule.path("type").asString(""))
                ? Math.min(total, Math.max(1, rule.path("minimum").asInt(1)))
                : total;
        String ruleText = required == total
                ? "all " + total + (total == 1 ? " assignment" : " assignments")
                : "at least " + required + " of " + total + " assignments";
        String left = inProgress && done < required ? (required - done) + " more to do (" + done + " done)" : null;
        boolean renewal = "RENEWAL".equals(e.path("kind").asString(""));
        return new EnrollmentCard(
                e.path("id").asString(),
                e.path("credentialId").asString(),
                text(e.path("credentialTitle"), e.path("credentialId").asString()),
                renewal,
                status,
                instant(e.path("enrolledAt")),
                instant(e.path("completedAt")),
                instant(e.path("withdrawnAt")),
                ruleText,
                List.copyOf(assignments),
                left,
                renewal && inProgress && total == 0);
    }

    /**
     * enrollment-service's {@code how} (who reported the assignment done) and {@code source} (what carried a partner's
     * report: {@code XAPI} or {@code PARTNER}, absent for reports made before it was kept) in words.
     */
    static String how(String reportedBy, String source) {
        return switch (reportedBy) {
            case "LEARNER" -> "marked done by you";
            case "PROVIDER" -> "recorded by the provider";
            case "PARTNER" ->
                switch (source) {
                    case "XAPI" -> "reported by an xAPI statement from the provider's learning system";
                    case "PARTNER" -> "reported by the provider's system as a completion record (webhook or event)";
                    default -> "reported by the provider's learning system";
                };
            default -> "done";
        };
    }

    private static String text(JsonNode node, String otherwise) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : otherwise;
    }

    private static Instant instant(JsonNode node) {
        return node.isString() ? Instant.parse(node.asString()) : null;
    }
}
