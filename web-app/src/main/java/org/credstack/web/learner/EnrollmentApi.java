package org.credstack.web.learner;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.JsonNode;

/**
 * enrollment-service's learner API as the learner pages call it, with the learner's own token ({@code authorization}
 * is {@code Bearer <access token>}; docs/authz-enrollment.md: only the learner whose {@code sub} is {@code learnerId}).
 * An enrollment is {@code {id, credentialId, credentialTitle, kind, renewalOf, status, enrolledAt, completedAt,
 * withdrawnAt, completionRule {type, minimum}, assignments [{assignmentId, title, activityId, moveOn, done, how,
 * when, statementId}]}}, instants in UTC.
 */
public interface EnrollmentApi {

    /**
     * {@code POST /api/v1/learners} {@code {displayName, emails}}: registers the caller's learner record, idempotent
     * (201 the first time, 200 after); 409 when another learner holds the e-mail.
     */
    @PostExchange(url = "/api/v1/learners", accept = "application/json", contentType = "application/json")
    JsonNode register(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody Registration body);

    /**
     * {@code POST /api/v1/learners/{id}/enrollments} {@code {credentialId}}: 201 with a new enrollment, 200 with the
     * active one the learner already has; 404 unknown credential or learner; 409 retired, not published, without
     * assignments, or a stack.
     */
    @PostExchange(
            url = "/api/v1/learners/{learnerId}/enrollments",
            accept = "application/json",
            contentType = "application/json")
    ResponseEntity<JsonNode> enroll(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String learnerId,
            @RequestBody EnrollRequest body);

    /** {@code GET /api/v1/learners/{id}/enrollments}: every enrollment with its progress, oldest first. */
    @GetExchange(url = "/api/v1/learners/{learnerId}/enrollments", accept = "application/json")
    JsonNode enrollments(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String learnerId);

    /**
     * {@code POST .../enrollments/{enrollmentId}/assignments/{assignmentId}/complete}: the learner marks a self-paced
     * assignment done; 409 {@code assignmentId} for a tracked one, 409 {@code enrollmentId} when not in progress.
     */
    @PostExchange(
            url = "/api/v1/learners/{learnerId}/enrollments/{enrollmentId}/assignments/{assignmentId}/complete",
            accept = "application/json")
    JsonNode complete(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String learnerId,
            @PathVariable String enrollmentId,
            @PathVariable String assignmentId);

    /**
     * {@code POST /api/v1/learners/{id}/renewals} {@code {badgeId}}: 201 with the renewal enrollment; 409 outside
     * the window, revoked, already renewed, not renewable, renewal in progress.
     */
    @PostExchange(
            url = "/api/v1/learners/{learnerId}/renewals",
            accept = "application/json",
            contentType = "application/json")
    JsonNode renew(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String learnerId,
            @RequestBody RenewRequest body);

    /** {@code POST .../renewals/{enrollmentId}/attestation}: confirms a renewal without requirements. */
    @PostExchange(url = "/api/v1/learners/{learnerId}/renewals/{enrollmentId}/attestation", accept = "application/json")
    JsonNode attest(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String learnerId,
            @PathVariable String enrollmentId);

    /** The learner record's body: the name and e-mail of the signed-in person. */
    record Registration(String displayName, java.util.List<String> emails) {}

    /** The enrollment request's body. */
    record EnrollRequest(String credentialId) {}

    /** The renewal request's body: the badge id as issued (the credential's public URL). */
    record RenewRequest(String badgeId) {}
}
