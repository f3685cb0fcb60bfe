package org.credstack.enrollment.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.credstack.enrollment.catalog.CatalogReplica;
import org.credstack.enrollment.enrollment.Enrollment.Recipient;
import org.credstack.enrollment.learner.LearnerProfile;
import org.credstack.enrollment.learner.Learners;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.EnrollmentKind;
import org.credstack.runtime.ConflictRetry;
import org.credstack.runtime.Outbox;
import org.credstack.runtime.OutboxCollection;
import org.credstack.runtime.audit.AuditLog;
import org.credstack.runtime.audit.AuditTarget;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Enrollments (collection {@value #COLLECTION}, relayed by the outbox): enrolling, withdrawing and completing
 * assignments. Every change loads the aggregate, applies it, and saves state and events in one document write under
 * the optimistic lock, retrying on a conflict ({@link ConflictRetry}); then it asks the {@link Outbox} to publish right
 * away.
 */
@Service
public class Enrollments {

    static final String COLLECTION = "enrollments";

    private final MongoTemplate mongo;
    private final CatalogReplica catalog;
    private final Learners learners;
    private final Outbox outbox;
    private final ConflictRetry conflicts;
    private final ApplicationEventPublisher spring;
    private final Clock clock;
    private final AuditLog auditLog;
    private final CompletionMetrics metrics;

    Enrollments(
            MongoTemplate mongo,
            CatalogReplica catalog,
            Learners learners,
            Outbox outbox,
            ConflictRetry conflicts,
            ApplicationEventPublisher spring,
            Clock clock,
            AuditLog auditLog,
            CompletionMetrics metrics) {
        this.auditLog = auditLog;
        this.metrics = metrics;
        this.mongo = mongo;
        this.catalog = catalog;
        this.learners = learners;
        this.outbox = outbox;
        this.conflicts = conflicts;
        this.spring = spring;
        this.clock = clock;
        mongo.indexOps(COLLECTION)
                .createIndex(
                        new Index().on("activeKey", Sort.Direction.ASC).unique().sparse());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("learnerId", Sort.Direction.ASC));
    }

    /** Enrollments carry their events to the outbox relay. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        OutboxCollection enrollmentOutbox() {
            return new OutboxCollection(COLLECTION);
        }
    }

    /** An enrollment and whether this request created it. */
    record Enrolled(Enrollment enrollment, boolean created) {}

    /**
     * Enrolls a learner in the latest published version of a credential, or returns the active enrollment the
     * learner already has in it.
     *
     * @throws org.credstack.enrollment.learner.LearnerNotFound, CredentialNotFound, CredentialNotOpen,
     *     CredentialWithoutAssignments
     * @throws StackNotEnrollable for a stack, even when an enrollment in it was made before stacks were refused
     */
    Enrolled enroll(String learnerId, String credentialId) {
        LearnerProfile learner = learners.profile(learnerId);
        CredentialSnapshot credential =
                catalog.find(credentialId).orElseThrow(() -> new CredentialNotFound(credentialId));
        if (Enrollment.isStack(credential)) {
            throw new StackNotEnrollable(credential);
        }
        Optional<Enrollment> existing = active(learnerId, credentialId);
        if (existing.isPresent()) {
            return new Enrolled(existing.get(), false);
        }
        Enrollment enrollment = Enrollment.enroll(
                UUID.randomUUID().toString(),
                learnerId,
                credential,
                recipient(learner),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        try {
            Enrollment saved = save(enrollment);
            spring.publishEvent(new EnrollmentStarted(learner, saved.id()));
            return new Enrolled(saved, true);
        } catch (DuplicateKeyException concurrentEnrollment) {
            return new Enrolled(active(learnerId, credentialId).orElseThrow(() -> concurrentEnrollment), false);
        }
    }

    List<Enrollment> of(String learnerId) {
        learners.profile(learnerId);
        return mongo.find(
                Query.query(Criteria.where("learnerId").is(learnerId)).with(Sort.by("enrolledAt")), Enrollment.class);
    }

    Enrollment get(String learnerId, String enrollmentId) {
        return Optional.ofNullable(mongo.findById(enrollmentId, Enrollment.class))
                .filter(e -> e.learnerId().equals(learnerId))
                .orElseThrow(() -> new EnrollmentNotFound(enrollmentId));
    }

    Enrollment withdraw(String learnerId, String enrollmentId) {
        return change(enrollmentId, e -> e.learnerId().equals(learnerId), e -> e.withdraw(clock.instant()));
    }

    Enrollment markDoneByLearner(String learnerId, String enrollmentId, String assignmentId) {
        Recipient who = recipient(learners.profile(learnerId));
        Enrollment changed = change(
                enrollmentId,
                e -> e.learnerId().equals(learnerId),
                e -> e.markDoneByLearner(assignmentId, clock.instant(), who));
        metrics.received(CompletionMetrics.Channel.LEARNER, 1);
        return changed;
    }

    /**
     * The provider marks an assignment done; when that changed it, it is recorded in the audit log as {@code
     * assignment.completed-manually}.
     *
     * @param mayActFor checks that the caller may act for a provider, throwing when not; given the stored
     *     enrollment's provider before anything changes, so a provider in the path is never taken on trust
     * @throws EnrollmentNotFound when there is no such enrollment, or it is not of {@code providerId}'s credentials
     */
    Enrollment markDoneByProvider(
            String providerId, String enrollmentId, String assignmentId, Instant at, Consumer<String> mayActFor) {
        Enrollment current = load(enrollmentId, e -> true);
        mayActFor.accept(current.providerId());
        if (!providerId.equals(current.providerId())) {
            throw new EnrollmentNotFound(enrollmentId);
        }
        Recipient who = recipient(learners.profile(current.learnerId()));
        Instant now = clock.instant();
        if (at != null && at.isAfter(now)) {
            throw new InvalidEnrollmentRequest("completedAt", "completedAt is not in the future");
        }
        Instant doneAt = at == null ? now : at;
        boolean wasDone = isDone(current, assignmentId);
        Enrollment changed = change(
                enrollmentId,
                e -> providerId.equals(e.providerId()),
                e -> e.markDone(assignmentId, ReportedBy.PROVIDER, doneAt, null, null, who));
        metrics.received(CompletionMetrics.Channel.PROVIDER, 1);
        if (!wasDone && isDone(changed, assignmentId)) {
            auditLog.record(
                    "assignment.completed-manually",
                    AuditTarget.ofProvider(
                            providerId,
                            "/api/v1/providers/" + providerId + "/enrollments/" + enrollmentId + "/assignments/"
                                    + assignmentId),
                    Map.of("learnerId", changed.learnerId(), "completedAt", doneAt));
        }
        return changed;
    }

    private static boolean isDone(Enrollment enrollment, String assignmentId) {
        return enrollment.assignments().stream().anyMatch(a -> a.assignmentId().equals(assignmentId) && a.done());
    }

    /**
     * The assignments of a learner's active (not withdrawn) enrollments that report against an activity.
     *
     * @param learnerId the learner
     * @param activityId the xAPI activity IRI
     */
    public List<TrackedAssignment> tracking(String learnerId, String activityId) {
        Query query = Query.query(Criteria.where("learnerId")
                .is(learnerId)
                .and("status")
                .ne(Status.WITHDRAWN.name())
                .and("assignments.activityId")
                .is(activityId));
        return mongo.find(query, Enrollment.class).stream()
                .flatMap(e -> e.assignments().stream()
                        .filter(a -> activityId.equals(a.activityId()))
                        .map(a -> new TrackedAssignment(
                                e.id(),
                                a.assignmentId(),
                                a.moveOn(),
                                a.masteryScore(),
                                e.enrolledAt(),
                                a.done(),
                                e.providerId())))
                .toList();
    }

    /**
     * A partner's statements met an assignment's moveOn criteria. Idempotent: an assignment already done stays as it
     * was; a withdrawn enrollment is left alone.
     *
     * @param at business time: the timestamp of the statement that met the criteria
     * @param statementId that statement (or partner record)
     * @param source what carried it: {@code XAPI} (a statement) or {@code PARTNER} (a completion record)
     * @param learner the enrollment's learner as the caller has just read it: the recipient the completion names
     */
    public void markDoneByPartner(
            String enrollmentId,
            String assignmentId,
            Instant at,
            String statementId,
            String source,
            LearnerProfile learner) {
        Recipient who = recipient(learner);
        // one read: a withdrawn enrollment is left as it is (nothing raised, nothing saved)
        change(enrollmentId, e -> true, e -> {
            if (e.status() != Status.WITHDRAWN) {
                e.markDone(assignmentId, ReportedBy.PARTNER, at, statementId, source, who);
            }
        });
    }

    /**
     * Saves a new enrollment, state and events in one write, and tells the statement matching about it.
     *
     * @param learner the enrollment's learner, whose identifier keys the statement matching retries the inbox by
     * @throws DuplicateKeyException if another enrollment holds its {@code activeKey}
     */
    Enrollment start(Enrollment enrollment, LearnerProfile learner) {
        Enrollment saved = save(enrollment);
        spring.publishEvent(new EnrollmentStarted(learner, saved.id()));
        return saved;
    }

    /** The enrollment holding an {@code activeKey} (an initial or renewal enrollment that was not withdrawn). */
    Optional<Enrollment> holding(String activeKey) {
        return Optional.ofNullable(
                mongo.findOne(Query.query(Criteria.where("activeKey").is(activeKey)), Enrollment.class));
    }

    /**
     * The learner confirms a renewal by attestation; it completes now.
     *
     * @throws EnrollmentNotFound, AttestationNotAccepted, EnrollmentNotActive
     */
    Enrollment attest(String learnerId, String enrollmentId) {
        Recipient who = recipient(learners.profile(learnerId));
        return change(enrollmentId, e -> e.learnerId().equals(learnerId), e -> e.attest(clock.instant(), who));
    }

    private Enrollment change(String enrollmentId, Predicate<Enrollment> visible, Consumer<Enrollment> change) {
        return conflicts.run(() -> {
            Enrollment enrollment = load(enrollmentId, visible);
            change.accept(enrollment);
            return enrollment.raised().isEmpty() ? enrollment : save(enrollment);
        });
    }

    private Enrollment load(String enrollmentId, Predicate<Enrollment> visible) {
        return Optional.ofNullable(mongo.findById(enrollmentId, Enrollment.class))
                .filter(visible)
                .orElseThrow(() -> new EnrollmentNotFound(enrollmentId));
    }

    private Enrollment save(Enrollment enrollment) {
        boolean completes = enrollment.completesNow();
        enrollment.stage(outbox::stage);
        Enrollment saved = mongo.save(enrollment);
        if (completes) {
            // after the write: a save lost to a conflict is retried from a fresh load and counted then
            metrics.completed(enrollment.kind() == null ? EnrollmentKind.INITIAL : enrollment.kind());
        }
        outbox.publish(COLLECTION, saved.id(), saved.pendingEvents());
        return saved;
    }

    private Optional<Enrollment> active(String learnerId, String credentialId) {
        return holding(Enrollment.activeKey(learnerId, credentialId));
    }

    static Recipient recipient(LearnerProfile learner) {
        return new Recipient(learner.primaryEmail(), learner.displayName());
    }
}
