package org.credstack.enrollment.enrollment;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.credstack.runtime.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A learner's enrollments and progress.
 *
 * <ul>
 *   <li>{@code POST /api/v1/learners/{learnerId}/enrollments} {@code {credentialId}} → 201 with the new enrollment
 *       (latest published version from the catalog replica), or 200 with the active enrollment the learner already
 *       has in that credential;
 *   <li>{@code GET /api/v1/learners/{learnerId}/enrollments} → 200, all of them, oldest first;
 *   <li>{@code GET /api/v1/learners/{learnerId}/enrollments/{enrollmentId}} → 200 with progress per assignment;
 *   <li>{@code POST .../{enrollmentId}/withdraw} → 200 ({@code EnrollmentWithdrawn}; again: no change);
 *   <li>{@code POST .../{enrollmentId}/assignments/{assignmentId}/complete} → 200: the learner marks a self-paced
 *       assignment done;
 *   <li>{@code POST /api/v1/providers/{providerId}/enrollments/{enrollmentId}/assignments/{assignmentId}/complete}
 *       {@code {completedAt?}} → 200: the provider marks any assignment done.
 * </ul>
 *
 * Who may (docs/authz-enrollment.md): the learner paths are for that learner ({@code sub == learnerId}) and operators;
 * the provider path for staff of that provider and operators, and the enrollment must be of a credential of a provider
 * the caller acts for (the stored enrollment's provider is checked, not only the path): 403 problem otherwise, checked
 * before anything is stored.
 *
 * Errors (problem+json naming the field): 404 {@code learnerId}, {@code credentialId}, {@code enrollmentId},
 * {@code assignmentId}; 409 {@code credentialId} when the credential is retired or not published, when it has no
 * assignments ({@code credential-without-assignments}), or when it is a stack ({@code stack-not-enrollable}: a stack is
 * earned from its components, which the {@code detail} names; nothing is stored or published), 409
 * {@code assignmentId} when a learner marks a tracked assignment, 409 {@code enrollmentId} when withdrawn (or, to
 * withdraw, completed); 400 {@code completedAt} in the future.
 */
@RestController
class EnrollmentController {

    private final Enrollments enrollments;
    private final Access access;

    EnrollmentController(Enrollments enrollments, Access access) {
        this.enrollments = enrollments;
        this.access = access;
    }

    @PostMapping("/api/v1/learners/{learnerId}/enrollments")
    ResponseEntity<EnrollmentView> enroll(@PathVariable String learnerId, @RequestBody EnrollRequest body) {
        access.requireLearner(learnerId);
        if (body.credentialId() == null || body.credentialId().isBlank()) {
            throw new InvalidEnrollmentRequest("credentialId", "credentialId names the credential to enroll in");
        }
        Enrollments.Enrolled enrolled = enrollments.enroll(learnerId, body.credentialId());
        EnrollmentView view = EnrollmentView.of(enrolled.enrollment());
        if (!enrolled.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/learners/" + learnerId + "/enrollments/" + view.id()))
                .body(view);
    }

    @GetMapping("/api/v1/learners/{learnerId}/enrollments")
    List<EnrollmentView> list(@PathVariable String learnerId) {
        access.requireLearner(learnerId);
        return enrollments.of(learnerId).stream().map(EnrollmentView::of).toList();
    }

    @GetMapping("/api/v1/learners/{learnerId}/enrollments/{enrollmentId}")
    EnrollmentView get(@PathVariable String learnerId, @PathVariable String enrollmentId) {
        access.requireLearner(learnerId);
        return EnrollmentView.of(enrollments.get(learnerId, enrollmentId));
    }

    @PostMapping("/api/v1/learners/{learnerId}/enrollments/{enrollmentId}/withdraw")
    EnrollmentView withdraw(@PathVariable String learnerId, @PathVariable String enrollmentId) {
        access.requireLearner(learnerId);
        return EnrollmentView.of(enrollments.withdraw(learnerId, enrollmentId));
    }

    @PostMapping("/api/v1/learners/{learnerId}/enrollments/{enrollmentId}/assignments/{assignmentId}/complete")
    EnrollmentView completeByLearner(
            @PathVariable String learnerId, @PathVariable String enrollmentId, @PathVariable String assignmentId) {
        access.requireLearner(learnerId);
        return EnrollmentView.of(enrollments.markDoneByLearner(learnerId, enrollmentId, assignmentId));
    }

    @PostMapping("/api/v1/providers/{providerId}/enrollments/{enrollmentId}/assignments/{assignmentId}/complete")
    EnrollmentView completeByProvider(
            @PathVariable String providerId,
            @PathVariable String enrollmentId,
            @PathVariable String assignmentId,
            @RequestBody(required = false) ProviderCompletion body) {
        access.requireProviderStaff(providerId);
        Instant at = body == null ? null : body.completedAt();
        return EnrollmentView.of(
                enrollments.markDoneByProvider(providerId, enrollmentId, assignmentId, at, this::mayActFor));
    }

    /** Staff of the enrollment's provider, or an operator; an enrollment without a provider is for operators only. */
    private void mayActFor(String enrollmentProvider) {
        if (enrollmentProvider == null) {
            access.requireOperator();
        } else {
            access.requireProviderStaff(enrollmentProvider);
        }
    }

    record EnrollRequest(String credentialId) {}

    /** @param completedAt business time it was done, UTC; defaults to now, never in the future */
    record ProviderCompletion(Instant completedAt) {}

    record EnrollmentView(
            String id,
            String learnerId,
            String credentialId,
            int credentialVersion,
            String credentialTitle,
            String kind,
            String renewalOf,
            Status status,
            Instant enrolledAt,
            Instant completedAt,
            Instant withdrawnAt,
            CompletionRule completionRule,
            List<AssignmentView> assignments) {

        static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(
                    e.id(),
                    e.learnerId(),
                    e.credentialId(),
                    e.credentialVersion(),
                    e.credentialTitle(),
                    e.kind().name(),
                    e.renewalOf(),
                    e.status(),
                    e.enrolledAt(),
                    e.completedAt(),
                    e.withdrawnAt(),
                    e.completionRule(),
                    e.assignments().stream().map(AssignmentView::of).toList());
        }
    }

    /**
     * @param done whether it counts as done
     * @param how who reported it: {@code LEARNER}, {@code PROVIDER} or {@code PARTNER}; {@code null} while not done
     * @param when business time it was done, UTC
     * @param statementId the statement or partner record that completed it
     * @param source for {@code PARTNER}: {@code XAPI} (an xAPI statement) or {@code PARTNER} (a completion record from a
     *     webhook or {@code partner.completions.v1}); {@code null} otherwise and for assignments done before it was kept
     */
    record AssignmentView(
            String assignmentId,
            String title,
            String activityId,
            String moveOn,
            Double masteryScore,
            boolean done,
            ReportedBy how,
            Instant when,
            String statementId,
            String source) {

        static AssignmentView of(AssignmentProgress a) {
            return new AssignmentView(
                    a.assignmentId(),
                    a.title(),
                    a.activityId(),
                    a.moveOn(),
                    a.masteryScore(),
                    a.done(),
                    a.reportedBy(),
                    a.at(),
                    a.statementId(),
                    a.source());
        }
    }
}
