package org.credstack.enrollment.progress;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.credstack.enrollment.progress.ProgressStatement.Kind;
import org.credstack.events.catalog.MoveOn;

/**
 * An assignment's cmi5 moveOn criteria (cmi5 section 13.1.4) and the decision whether, and from when, a learner meets
 * them.
 *
 * <p>Statements are taken in timestamp order (cmi5 section 9.3: order is by {@code timestamp}). What counts:
 *
 * <ul>
 *   <li><b>A completion</b>: a {@code completed} statement (cmi5 section 9.3.3) whose {@code result.completion} is not
 *       {@code false}; or, from a plain xAPI partner, any other statement with {@code result.completion = true} (the
 *       xAPI spec's own "attempted" example reports completion that way).
 *   <li><b>A pass</b>: a {@code passed} statement (section 9.3.4) whose {@code result.success} is not {@code false}; or,
 *       from a plain xAPI partner, any statement but {@code failed} with {@code result.success = true}. With a
 *       {@code masteryScore}, a pass whose {@code result.score.scaled} is below it does not count; one without a
 *       scaled score counts (section 9.3.4 only binds a score that is sent).
 *   <li><b>Never</b>: "cmi5 allowed" statements (section 7.1.3: not considered in satisfaction rules), {@code failed}
 *       (it neither counts nor blocks a later pass), and the verbs of {@link Cmi5#NEVER_COUNTING} such as
 *       {@code abandoned} and the LMS's own {@code satisfied} and {@code waived}.
 * </ul>
 *
 * <p>The first completion and the first pass decide. {@code Completed} and {@code Passed} are met at the first of
 * their kind, {@code CompletedAndPassed} at the later of the two, {@code CompletedOrPassed} at the earlier, and
 * {@code NotApplicable} at enrollment. The caller passes the statements of one learner about the assignment's
 * activity, voided statements already left out.
 *
 * @param moveOn the rule; required
 * @param masteryScore scaled score in [0, 1] a pass needs, or {@code null}
 * @throws IllegalArgumentException if the rule is missing or the mastery score is outside [0, 1]
 */
public record MoveOnCriteria(MoveOn moveOn, Double masteryScore) {

    public MoveOnCriteria {
        if (moveOn == null) {
            throw new IllegalArgumentException("moveOn criteria name a moveOn rule");
        }
        if (masteryScore != null && !(masteryScore >= 0 && masteryScore <= 1)) {
            throw new IllegalArgumentException("masteryScore is a scaled score between 0 and 1, was " + masteryScore);
        }
    }

    /**
     * Whether the criteria are met, and when.
     *
     * @param enrolledAt when the learner enrolled; the answer for {@link MoveOn#NotApplicable}
     * @param statements the learner's statements about the activity, in any order
     * @return the satisfaction, or empty while the criteria are not met
     */
    public Optional<Satisfaction> evaluate(Instant enrolledAt, List<ProgressStatement> statements) {
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        List<ProgressStatement> inOrder = statements.stream()
                .sorted(Comparator.comparing(ProgressStatement::timestamp))
                .toList();
        ProgressStatement completion = first(inOrder, this::completes);
        ProgressStatement pass = first(inOrder, this::passes);
        return switch (moveOn) {
            case NotApplicable -> Optional.of(new Satisfaction(enrolledAt, null));
            case Completed -> satisfiedBy(completion);
            case Passed -> satisfiedBy(pass);
            case CompletedOrPassed ->
                satisfiedBy(completion == null ? pass : pass == null ? completion : earlier(completion, pass));
            case CompletedAndPassed -> satisfiedBy(completion == null || pass == null ? null : later(completion, pass));
        };
    }

    private static Optional<Satisfaction> satisfiedBy(ProgressStatement decisive) {
        return Optional.ofNullable(decisive).map(s -> new Satisfaction(s.timestamp(), s.statementId()));
    }

    boolean completes(ProgressStatement s) {
        if (!counts(s)) {
            return false;
        }
        if (s.verbId().equals(Cmi5.COMPLETED)) {
            return !Boolean.FALSE.equals(s.completion());
        }
        return s.kind() == Kind.XAPI && Boolean.TRUE.equals(s.completion());
    }

    boolean passes(ProgressStatement s) {
        if (!counts(s) || !meetsMastery(s.scaled())) {
            return false;
        }
        if (s.verbId().equals(Cmi5.PASSED)) {
            return !Boolean.FALSE.equals(s.success());
        }
        return s.kind() == Kind.XAPI && !s.verbId().equals(Cmi5.FAILED) && Boolean.TRUE.equals(s.success());
    }

    private static boolean counts(ProgressStatement s) {
        return s.kind() != Kind.CMI5_ALLOWED && !Cmi5.NEVER_COUNTING.contains(s.verbId());
    }

    private boolean meetsMastery(Double scaled) {
        return masteryScore == null || scaled == null || scaled >= masteryScore;
    }

    private static ProgressStatement first(List<ProgressStatement> inOrder, Predicate<ProgressStatement> counts) {
        return inOrder.stream().filter(counts).findFirst().orElse(null);
    }

    private static ProgressStatement earlier(ProgressStatement a, ProgressStatement b) {
        return b.timestamp().isBefore(a.timestamp()) ? b : a;
    }

    private static ProgressStatement later(ProgressStatement a, ProgressStatement b) {
        return b.timestamp().isBefore(a.timestamp()) ? a : b;
    }
}
