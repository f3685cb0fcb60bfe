package org.credstack.enrollment.enrollment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 *       time of the completion that met it;
 *   <li>a renewal ({@code kind = RENEWAL}) names the badge it renews in {@code renewalOf}, carried by its
 *       {@code LearnerEnrolled} and {@code EnrollmentCompleted}; its assignments are the renewal policy's
 *       requirements, all required; one without requirements completes only when the learner attests
 *       ({@link AttestationNotAccepted} for any other enrollment).
 * </ul>
 *
 * <p>While not withdrawn it holds {@code activeKey}, under a unique sparse index: {@code learnerId|credentialId} for an
 * initial enrollment (one per learner and credential), {@code renewal|<badgeId>} for a renewal (one per badge),
 * whatever the races.
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
    private final String renewalOf;
    private final CompletionRule completionRule;
    private final Instant enrolledAt;
    private final List<AssignmentProgress> assignments;
    private final List<PendingEvent> pendingEvents;
    private Status status;
    private String activeKey;
    private String completedAt;
    private Instant withdrawnAt;
    private Instant attestedAt;

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
            String renewalOf,
            CompletionRule completionRule,
            Instant enrolledAt,
            List<AssignmentProgress> assignments,
            List<PendingEvent> pendingEvents,
            Status status,
            String activeKey,
            String completedAt,
            Instant withdrawnAt,
            Instant attestedAt,
            Long version) {
        this.id = id;
        this.learnerId = learnerId;
        this.credentialId = credentialId;
        this.credentialVersion = credentialVersion;
        this.credentialTitle = credentialTitle;
        this.providerId = providerId;
        this.kind = kind;
        this.renewalOf = renewalOf;
        this.completionRule = completionRule;
        this.enrolledAt = enrolledAt;
        this.assignments = new ArrayList<>(assignments == null ? List.of() : assignments);
        this.pendingEvents = new ArrayList<>(pendingEvents == null ? List.of() : pendingEvents);
        this.status = status;
        this.activeKey = activeKey;
        this.completedAt = completedAt;
        this.withdrawnAt = withdrawnAt;
        this.attestedAt = attestedAt;
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
                null,
                CompletionRule.of(credential.completionRule()),
                at,
                credential.assignments().stream().map(AssignmentProgress::of).toList(),
                List.of(),
                Status.IN_PROGRESS,
                activeKey(learnerId, credential.id()),
                null,
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
     * Starts the renewal of a badge: an enrollment of {@code kind = RENEWAL} in the given credential version whose
     * assignments are its renewal policy's requirements, all required; raises {@link LearnerEnrolled} with
     * {@code renewalOf}. Whether the badge may be renewed now is the caller's check ({@code Renewals}).
     *
     * @param badgeId the badge renewed
     * @throws CredentialNotOpen if the snapshot is not {@code PUBLISHED}
     * @throws IllegalArgumentException if the snapshot has no renewal policy
     */
    static Enrollment renew(String id, String learnerId, CredentialSnapshot credential, String badgeId, Instant at) {
        if (!"PUBLISHED".equals(credential.status())) {
            throw new CredentialNotOpen(credential.id(), credential.status());
        }
        if (credential.renewalPolicy() == null) {
            throw new IllegalArgumentException("credential " + credential.id() + " has no renewal policy");
        }
        Enrollment enrollment = new Enrollment(
                id,
                learnerId,
                credential.id(),
                credential.version(),
                credential.title(),
                credential.provider() == null ? null : credential.provider().id(),
                EnrollmentKind.RENEWAL,
                Objects.requireNonNull(badgeId, "badgeId"),
                CompletionRule.of(null),
                at,
                credential.renewalPolicy().requirements().stream()
                        .map(AssignmentProgress::of)
                        .toList(),
                List.of(),
                Status.IN_PROGRESS,
                renewalKey(badgeId),
                null,
                null,
                null,
                null);
        enrollment.raised.add(new LearnerEnrolled(
                id, learnerId, credential.id(), credential.version(), EnrollmentKind.RENEWAL, badgeId, at));
        return enrollment;
    }

    /** The {@code activeKey} of a badge's renewal: one renewal at a time per badge. */
    static String renewalKey(String badgeId) {
        return "renewal|" + badgeId;
    }

    /**
     * The learner confirms a renewal by attestation (a renewal policy without requirements) at {@code at}; the
     * renewal completes then. Attesting a completed renewal again changes nothing.
     *
     * @throws AttestationNotAccepted if this is not a renewal without requirements
     * @throws EnrollmentNotActive if it was withdrawn
     */
    void attest(Instant at, Recipient who) {
        if (!byAttestation()) {
            throw new AttestationNotAccepted(id, assignments.size());
        }
        if (status == Status.WITHDRAWN) {
            throw new EnrollmentNotActive(id, status);
        }
        if (attestedAt != null) {
            return;
        }
        attestedAt = Objects.requireNonNull(at, "at");
        completeIfRuleMet(who);
    }

    /** A renewal without requirements: the learner's attestation completes it. */
    boolean byAttestation() {
        return kind == EnrollmentKind.RENEWAL && assignments.isEmpty();
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
        complete(assignment, ReportedBy.LEARNER, at, null, null, who);
    }

    /**
     * The provider (or a partner) reports an assignment done; a second report of a done assignment changes nothing.
     *
     * @param at business time it was done
     * @param statementId the statement or partner record behind it, or {@code null}
     * @param source what carried a partner's report ({@code XAPI}, {@code PARTNER}), or {@code null}
     * @throws AssignmentNotFound, EnrollmentNotActive
     */
    void markDone(String assignmentId, ReportedBy by, Instant at, String statementId, String source, Recipient who) {
        complete(assignment(assignmentId), by, at, statementId, source, who);
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

    private void complete(
            AssignmentProgress assignment,
            ReportedBy by,
            Instant at,
            String statementId,
            String source,
            Recipient who) {
        if (status == Status.WITHDRAWN) {
            throw new EnrollmentNotActive(id, status);
        }
        if (assignment.done()) {
            return;
        }
        Objects.requireNonNull(at, "at");
        assignments.replaceAll(a -> a == assignment ? a.doneBy(by, at, statementId, source) : a);
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
        // a renewal by attestation completes when the learner attests; anything else needs assignments done
        Optional<Instant> met =
                byAttestation() ? Optional.ofNullable(attestedAt) : completionRule.metAt(assignments.size(), doneAt);
        met.ifPresent(at -> {
            status = Status.COMPLETED;
            completedAt = at.toString();
            raised.add(new EnrollmentCompleted(
                    id, learnerId, credentialId, credentialVersion, kind, renewalOf, who.email(), who.name(), at));
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

    /** Whether the events raised since loading complete it ({@code EnrollmentCompleted} among them). */
    boolean completesNow() {
        for (EnrollmentEvent event : raised) {
            if (event instanceof EnrollmentCompleted) {
                return true;
            }
        }
        return false;
    }

    /** The events staged and not yet published, oldest first: what its {@code pendingEvents} hold once saved. */
    List<PendingEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
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

    /** For a renewal, the badge it renews; {@code null} otherwise. */
    String renewalOf() {
        return renewalOf;
    }

    Instant attestedAt() {
        return attestedAt;
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
