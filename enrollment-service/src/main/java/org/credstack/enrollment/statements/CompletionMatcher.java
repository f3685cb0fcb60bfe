package org.credstack.enrollment.statements;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.credstack.enrollment.enrollment.EnrollmentStarted;
import org.credstack.enrollment.enrollment.Enrollments;
import org.credstack.enrollment.enrollment.TrackedAssignment;
import org.credstack.enrollment.learner.ActorMatch;
import org.credstack.enrollment.learner.LearnerIdentified;
import org.credstack.enrollment.learner.LearnerProfile;
import org.credstack.enrollment.learner.Learners;
import org.credstack.enrollment.progress.MoveOnCriteria;
import org.credstack.enrollment.progress.ProgressStatement;
import org.credstack.events.catalog.MoveOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Turns stored statements into assignment completions.
 *
 * <ol>
 *   <li>A voiding statement marks its target voided (xAPI Data section 2.3.2); voided statements no longer count. A
 *       voiding statement whose target is itself a voiding statement is ignored: voiding statements cannot be voided
 *       (section 2.3.2.s2.b3; conformance requirement XAPI-00016).
 *   <li>The learner is the one holding the actor's identifier: {@code account} (homePage + name), {@code mbox} (domain
 *       compared case-insensitively) or {@code mbox_sha1sum} (SHA-1 of any of the learner's {@code mailto:} IRIs).
 *       An {@code mbox} no learner holds exactly names the one learner whose email equals it when case is ignored;
 *       when several do, the statement waits as {@code AMBIGUOUS_LEARNER} ({@link Learners#match}).
 *   <li>The assignments are those of the learner's active enrollments whose activity IRI is the statement's object,
 *       of credentials of the providers whose partner reported it (any, for a statement an operator reported:
 *       {@link StoredStatement#providerIds()}).
 *   <li>For each one not yet done, the assignment's {@link MoveOnCriteria} are evaluated over all that learner's
 *       non-voided statements about the activity that may count for its provider; when met, the assignment is completed by {@code PARTNER} at the
 *       {@code Satisfaction}'s time, naming the statement that met it.
 * </ol>
 *
 * A statement that finds no learner or no assignment is held in the {@link UnmatchedInbox} and retried when the
 * learner is registered, gets an identifier, or enrolls. Every step is idempotent, so running a statement again (a
 * retried request, a redelivered record) changes nothing more.
 */
@Service
class CompletionMatcher {

    private static final Logger log = LoggerFactory.getLogger(CompletionMatcher.class);

    private final StatementLog statements;
    private final UnmatchedInbox inbox;
    private final Learners learners;
    private final Enrollments enrollments;

    CompletionMatcher(StatementLog statements, UnmatchedInbox inbox, Learners learners, Enrollments enrollments) {
        this.statements = statements;
        this.inbox = inbox;
        this.learners = learners;
        this.enrollments = enrollments;
    }

    /**
     * Matches statements, voiding ones first so that a batch's voided statements never count, then marks them all
     * processed in one write.
     *
     * @param batch stored statements, in request order
     * @param neverHeld the ids among them that no match has run for before (inserted by the request that submits
     *     them), so none of them can be in the inbox: completing one needs no inbox release
     */
    void process(List<StoredStatement> batch, Set<String> neverHeld) {
        batch.stream().filter(StoredStatement::isVoiding).forEach(s -> apply(s, !neverHeld.contains(s.id())));
        batch.stream().filter(s -> !s.isVoiding()).forEach(s -> apply(s, !neverHeld.contains(s.id())));
        statements.markProcessed(batch.stream().map(StoredStatement::id).toList());
    }

    /**
     * A statement voided since it was read is found out without reading it again: a match reads the learner's
     * non-voided statements about the activity anyway, and the statement is not among them ({@link #complete}); only
     * before holding it is it read again.
     *
     * @param mayBeHeld whether an earlier match may have held it in the inbox
     */
    private void apply(StoredStatement statement, boolean mayBeHeld) {
        if (statement.isVoiding()) {
            statements.markVoided(statement.voids());
            inbox.release(statement.voids());
        } else if (!statement.voided()) {
            match(statement, mayBeHeld);
        }
    }

    /**
     * Completes what the statement meets, or holds it in the inbox. After holding it looks once more: a learner or
     * enrollment stored meanwhile retried the inbox before the hold was there, and would otherwise leave it held.
     */
    private void match(StoredStatement statement, boolean mayBeHeld) {
        UnmatchedInbox.Reason held = null;
        while (true) {
            ActorMatch actor =
                    statement.actorKey() == null ? new ActorMatch.NotFound() : learners.match(statement.actorKey());
            if (actor instanceof ActorMatch.Found found && statement.activityId() != null) {
                List<TrackedAssignment> assignments =
                        enrollments.tracking(found.learner().id(), statement.activityId()).stream()
                                .filter(a -> statement.mayCountFor(a.providerId()))
                                .toList();
                if (!assignments.isEmpty()) {
                    complete(statement, found.learner(), assignments, mayBeHeld || held != null);
                    return;
                }
            }
            UnmatchedInbox.Reason reason = switch (actor) {
                case ActorMatch.Found f -> UnmatchedInbox.Reason.NO_ASSIGNMENT;
                case ActorMatch.Ambiguous a -> UnmatchedInbox.Reason.AMBIGUOUS_LEARNER;
                case ActorMatch.NotFound n -> UnmatchedInbox.Reason.NO_LEARNER;
            };
            if (reason == held) {
                return;
            }
            if (held == null && isVoided(statement)) {
                // voided since it was read: never held (xAPI Data 2.3.2, voided statements do not count)
                return;
            }
            inbox.hold(statement, reason);
            held = reason;
        }
    }

    private boolean isVoided(StoredStatement statement) {
        StoredStatement stored = statements.get(statement.id());
        return stored == null || stored.voided();
    }

    private void complete(
            StoredStatement statement, LearnerProfile learner, List<TrackedAssignment> assignments, boolean mayBeHeld) {
        List<StoredStatement> about = statements.about(
                learner.identifierKeys(), learners.foldedKeysHeldAlone(learner), statement.activityId());
        // the statement's actor is the learner's, so it is among them unless it has been voided since it was read
        if (about.stream().anyMatch(s -> s.id().equals(statement.id()))) {
            Map<String, String> references =
                    about.stream().collect(Collectors.toMap(StoredStatement::id, StoredStatement::reference));
            Map<String, String> sources =
                    about.stream().collect(Collectors.toMap(StoredStatement::id, StoredStatement::source));
            assignments.stream().filter(a -> !a.done()).forEach(a -> {
                // only statements its provider's partners (or operators) reported count for an assignment
                List<ProgressStatement> progress = about.stream()
                        .filter(s -> s.mayCountFor(a.providerId()))
                        .map(StoredStatement::progress)
                        .toList();
                evaluate(a, learner, progress, references, sources);
            });
        }
        if (mayBeHeld) {
            inbox.release(statement.id());
        }
    }

    private void evaluate(
            TrackedAssignment assignment,
            LearnerProfile learner,
            List<ProgressStatement> progress,
            Map<String, String> refs,
            Map<String, String> sources) {
        MoveOnCriteria criteria;
        try {
            criteria = new MoveOnCriteria(MoveOn.valueOf(assignment.moveOn()), assignment.masteryScore());
        } catch (IllegalArgumentException | NullPointerException unknownRule) {
            log.warn("assignment {} has no usable moveOn ({}); not evaluated", assignment.assignmentId(), unknownRule);
            return;
        }
        criteria.evaluate(assignment.enrolledAt(), progress).ifPresent(satisfied -> {
            Instant at = satisfied.at();
            String id = satisfied.statementId() == null
                    ? null
                    : satisfied.statementId().toString();
            String statementId = id == null ? null : refs.get(id);
            String source = id == null ? null : sources.get(id);
            enrollments.markDoneByPartner(
                    assignment.enrollmentId(), assignment.assignmentId(), at, statementId, source, learner);
        });
    }

    @EventListener
    void onLearnerIdentified(LearnerIdentified event) {
        retryFor(event.learner());
    }

    @EventListener
    void onEnrollmentStarted(EnrollmentStarted event) {
        retryFor(event.learner());
    }

    /**
     * Runs the inbox's statements held for a learner's identifier keys again; a failure leaves them held for the next
     * retry. The keys come with the event that asks for the retry: the learner is not read again.
     */
    void retryFor(LearnerProfile learner) {
        try {
            inbox.heldFor(learner.identifierKeys(), learner.foldedKeys()).stream()
                    .map(statements::get)
                    .filter(s -> s != null)
                    .forEach(s -> apply(s, true));
        } catch (RuntimeException e) {
            log.warn(
                    "retrying the unmatched statements of learner {} failed; they stay held: {}",
                    learner.id(),
                    e.toString());
        }
    }
}
