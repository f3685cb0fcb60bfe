package org.credstack.enrollment.enrollment;

import java.time.Instant;
import org.credstack.events.catalog.CredentialSnapshot.Assignment;

/**
 * One assignment of an enrollment, copied from the enrolled credential version, and whether it is done.
 *
 * @param assignmentId assignment id within the credential
 * @param title name shown to learners
 * @param activityId the xAPI activity IRI partners report against, or {@code null} for a self-paced assignment
 * @param moveOn cmi5 moveOn as the catalog spells it, e.g. {@code CompletedAndPassed}
 * @param masteryScore scaled score a pass needs, or {@code null}
 * @param reportedBy who reported it done, or {@code null} while not done
 * @param doneAt business time it was done as an ISO 8601 UTC instant (kept as text so no precision is lost), or
 *     {@code null}
 * @param statementId the statement or partner record that completed it, or {@code null}
 * @param source for a partner's report, what carried it: {@code XAPI} (an xAPI statement) or {@code PARTNER} (a
 *     completion record, from a webhook or {@code partner.completions.v1}); {@code null} otherwise and for assignments
 *     done before it was kept
 */
record AssignmentProgress(
        String assignmentId,
        String title,
        String activityId,
        String moveOn,
        Double masteryScore,
        ReportedBy reportedBy,
        String doneAt,
        String statementId,
        String source) {

    static AssignmentProgress of(Assignment assignment) {
        return new AssignmentProgress(
                assignment.id(),
                assignment.title(),
                assignment.activityId(),
                assignment.moveOn().name(),
                assignment.masteryScore(),
                null,
                null,
                null,
                null);
    }

    boolean done() {
        return reportedBy != null;
    }

    Instant at() {
        return doneAt == null ? null : Instant.parse(doneAt);
    }

    /** Self-paced: nothing reports it, so the learner marks it done. */
    boolean selfPaced() {
        return activityId == null || "NotApplicable".equals(moveOn);
    }

    AssignmentProgress doneBy(ReportedBy who, Instant at, String statement, String statementSource) {
        return new AssignmentProgress(
                assignmentId, title, activityId, moveOn, masteryScore, who, at.toString(), statement, statementSource);
    }
}
