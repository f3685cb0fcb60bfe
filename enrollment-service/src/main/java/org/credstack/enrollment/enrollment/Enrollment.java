package org.credstack.enrollment.enrollment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.AssignmentCompleted;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.events.enrollment.EnrollmentEvent;
import org.credstack.events.enrollment.EnrollmentKind;
import org.credstack.events.enrollment.EnrollmentWithdrawn;
import org.credstack.events.enrollment.LearnerEnrolled;
import org.credstack.runtime.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learner's enrollment in one version of a credential: the aggregate, one document in
 * {@value Enrollments#COLLECTION}, carrying its not yet published events in {@code pendingEvents}
 * (docs/architecture.md, "Nothing lost between state and event").
 *
 * <p>Invariants kept here:
 *
 * <ul>
 *   <li>only a {@code PUBLISHED} credential is enrolled in ({@link CredentialNotOpen} otherwise), never a
 *       {@code STACK} ({@link StackNotEnrollable}: a stack is earned from its components) nor one without assignments
 *       ({@link CredentialWithoutAssignments});
 *   <li>nothing completes with nothing done: the completion rule needs at least one assignment done
 *       ({@link CompletionRule#metAt});
 *   <li>an assignment is done once; reporting it again changes nothing and raises nothing;
 *   <li>a learner marks only self-paced assignments ({@link AssignmentNotSelfPaced});
 *   <li>a withdrawn enrollment takes no completions and a completed one cannot be withdrawn
 *       ({@link EnrollmentNotActive});
 *   <li>{@code EnrollmentCompleted} is raised exactly once, when the completion rule is first met, with the business
 *       time of the completion that met it.
 * </ul>
 *
 * <p>While not withdrawn it holds {@code activeKey = learnerId|credentialId}, under a unique sparse index: one active
 * enrollment per learner and credential, whatever the races.
 */
@Document(Enrollments.COLLECTION)
class Enrollment {

    @Id
    private final String id;

    private final String learnerId;
    private final String credentialId;
    private final int credentialVersion;
    private final String credentialTitle;
    private final String providerId;
    private final EnrollmentKind kind;
    private final CompletionRule completionRule;
    private final Instant enrolledAt;
    private final List<AssignmentProgress> assignments;
    private final List<PendingEvent> pendingEvents;
    private Status status;
    private String activeKey;
    private String completedAt;
    private Instant withdrawnAt;

    @Version
    private Long version;

    @Transient
    private final List<EnrollmentEvent> raised = new ArrayList<>();

    @PersistenceCreator
    Enrollment(
            String id,
            String learnerId,
            String credentialId,
            int credentialVersion,
            String credentialTitle,
            String providerId,
            EnrollmentKind kind,
            CompletionRule completionRule,
            Instant enrolledAt,
            List<AssignmentProgress> assignments,
            List<PendingEvent> pendingEvents,
            Status status,
            String activeKey,
            String completedAt,
            Instant withdrawnAt,
            Long version) {
        this.id = id;
        this.learnerId = learnerId;
        this.credentialId = credentialId;
        this.credentialVersion = credentialVersion;
        this.credentialTitle = credentialTitle;
        this.providerId = providerId;
        this.kind = kind;
        this.completionRule = completionRule;
        this.enrolledAt = enrolledAt;
        this.assignments = new ArrayList<>(assignments == null ? List.of() : assignments);
        this.pendingEvents = new ArrayList<>(pendingEvents == null ? List.of() : pendingEvents);
        this.status = status;
        this.activeKey = activeKey;
        this.completedAt = completedAt;
        this.withdrawnAt = withdrawnAt;
        this.version = version;
    }

    /**
     * Enrolls a learner in the given credential version; raises {@link LearnerEnrolled}.
     *
     * @throws StackNotEnrollable if the credential is a {@code STACK} (earned from its components only)
     * @throws CredentialNotOpen if the snapshot is not {@code PUBLISHED}
     * @throws CredentialWithoutAssignments if it names no assignment
     */
    static Enrollment enroll(String id, String learnerId, CredentialSnapshot credential, Recipient who, Instant at) {
        if (isStack(credential)) {
            throw new StackNotEnrollable(credential);
        }
        if (!"PUBLISHED".equals(credential.status())) {
            throw new CredentialNotOpen(credential.id(), credential.status());
        }
        if (credential.assignments().isEmpty()) {
            throw new CredentialWithoutAssignments(credential.id());
        }
        Enrollment enrollment = new Enrollment(
                id,
                learnerId,
                credential.id(),
                credential.version(),
                credential.title(),
                credential.provider() == null ? null : credential.provider().id(),
                EnrollmentKind.INITIAL,
                CompletionRule.of(credential.completionRule()),
                at,
                credential.assignments().stream().map(AssignmentProgress::of).toList(),
                List.of(),
                Status.IN_PROGRESS,
                activeKey(learnerId, credential.id()),
                null,
                null,
                null);
        enrollment.raised.add(new LearnerEnrolled(
                id, learnerId, credential.id(), credential.version(), EnrollmentKind.INITIAL, null, at));
        enrollment.completeIfRuleMet(who);
        return enrollment;
    }

    /** Whether the catalog modelled it as a stack: by its kind, or by its component rule when the kind is missing. */
    static boolean isStack(CredentialSnapshot credential) {
        return "STACK".equals(credential.kind()) || credential.stackRule() != null;
    }

    static String activeKey(String learnerId, String credentialId) {
        return learnerId + "|" + credentialId;
    }

    /**
     * The learner marks a self-paced assignment done at {@code at}.
     *
     * @throws AssignmentNotFound, AssignmentNotSelfPaced, EnrollmentNotActive
     */
    void markDoneByLearner(String assignmentId, Instant at, Recipient who) {
        AssignmentProgress assignment = assignment(assignmentId);
        if (!assignment.selfPaced()) {
            throw new AssignmentNotSelfPaced(assignmentId);
        }
        complete(assignment, ReportedBy.LEARNER, at, null, who);
    }

    /**
     * The provider (or a partner) reports an assignment done; a second report of a done assignment changes nothing.
     *
     * @param at business time it was done
     * @param statementId the statement or partner record behind it, or {@code null}
     * @throws AssignmentNotFound, EnrollmentNotActive
     */
    void markDone(String assignmentId, ReportedBy by, Instant at, String statementId, Recipient who) {
        complete(assignment(assignmentId), by, at, statementId, who);
    }

    /**
     * The learner withdraws; raises {@link EnrollmentWithdrawn}. Withdrawing again changes nothing.
     *
     * @throws EnrollmentNotActive if the enrollment is completed
     */
    void withdraw(Instant at) {
        if (status == Status.WITHDRAWN) {
            return;
        }
        if (status == Status.COMPLETED) {
            throw new EnrollmentNotActive(id, status);
        }
        status = Status.WITHDRAWN;
        activeKey = null;
        withdrawnAt = at;
        raised.add(new EnrollmentWithdrawn(id, learnerId, credentialId, at));
    }

    private void complete(AssignmentProgress assignment, ReportedBy by, Instant at, String statementId, Recipient who) {
        if (status == Status.WITHDRAWN) {
            throw new EnrollmentNotActive(id, status);
        }
        if (assignment.done()) {
            return;
        }
        Objects.requireNonNull(at, "at");
        assignments.replaceAll(a -> a == assignment ? a.doneBy(by, at, statementId) : a);
        raised.add(new AssignmentCompleted(
                id, learnerId, credentialId, assignment.assignmentId(), by.name(), statementId, at));
        completeIfRuleMet(who);
    }

    private void completeIfRuleMet(Recipient who) {
        if (status != Status.IN_PROGRESS) {
            return;
        }
        List<Instant> doneAt = assignments.stream()
                .filter(AssignmentProgress::done)
                .map(AssignmentProgress::at)
                .toList();
        completionRule.metAt(assignments.size(), doneAt).ifPresent(at -> {
            status = Status.COMPLETED;
            completedAt = at.toString();
            raised.add(new EnrollmentCompleted(
                    id, learnerId, credentialId, credentialVersion, kind, null, who.email(), who.name(), at));
        });
    }

    private AssignmentProgress assignment(String assignmentId) {
        return assignments.stream()
                .filter(a -> a.assignmentId().equals(assignmentId))
                .findFirst()
                .orElseThrow(() -> new AssignmentNotFound(assignmentId));
    }

    /** The events raised since loading, oldest first; they go to {@code pendingEvents} when saved. */
    List<EnrollmentEvent> raised() {
        return List.copyOf(raised);
    }

    /** Moves the raised events into the outbox as pending events. */
    void stage(java.util.function.Function<List<EnrollmentEvent>, List<PendingEvent>> stage) {
        pendingEvents.addAll(stage.apply(List.copyOf(raised)));
        raised.clear();
    }

    String id() {
        return id;
    }

    String learnerId() {
        return learnerId;
    }

    String credentialId() {
        return credentialId;
    }

    int credentialVersion() {
        return credentialVersion;
    }

    String credentialTitle() {
        return credentialTitle;
    }

    String providerId() {
        return providerId;
    }

    EnrollmentKind kind() {
        return kind;
    }

    CompletionRule completionRule() {
        return completionRule;
    }

    Instant enrolledAt() {
        return enrolledAt;
    }

    List<AssignmentProgress> assignments() {
        return List.copyOf(assignments);
    }

    Status status() {
        return status;
    }

    Instant completedAt() {
        return completedAt == null ? null : Instant.parse(completedAt);
    }

    Instant withdrawnAt() {
        return withdrawnAt;
    }

    /**
     * Who receives the credential: the learner's primary email and display name at completion time.
     *
     * @param email primary email
     * @param name display name
     */
    record Recipient(String email, String name) {}
}
