package org.credstack.enrollment.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.credstack.enrollment.progress.ProgressStatement.Kind;
import org.credstack.events.catalog.MoveOn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MoveOnCriteriaTest {

    private static final Instant ENROLLED = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted";
    private static final String ABANDONED = "https://w3id.org/xapi/adl/verbs/abandoned";

    /** Minute {@code m} after enrollment. */
    private static Instant at(int m) {
        return ENROLLED.plusSeconds(60L * m);
    }

    private static ProgressStatement cmi5(String verb, Boolean success, Boolean completion, Double scaled, int m) {
        return new ProgressStatement(UUID.randomUUID(), verb, Kind.CMI5_DEFINED, success, completion, scaled, at(m));
    }

    private static ProgressStatement completed(int m) {
        return cmi5(Cmi5.COMPLETED, null, true, null, m);
    }

    private static ProgressStatement passed(int m) {
        return cmi5(Cmi5.PASSED, true, null, null, m);
    }

    private static ProgressStatement passed(int m, double scaled) {
        return cmi5(Cmi5.PASSED, true, null, scaled, m);
    }

    private static ProgressStatement failed(int m) {
        return cmi5(Cmi5.FAILED, false, null, 0.3, m);
    }

    private static ProgressStatement xapi(String verb, Boolean success, Boolean completion, int m) {
        return new ProgressStatement(UUID.randomUUID(), verb, Kind.XAPI, success, completion, null, at(m));
    }

    private static ProgressStatement allowed(String verb, Boolean success, Boolean completion, int m) {
        return new ProgressStatement(UUID.randomUUID(), verb, Kind.CMI5_ALLOWED, success, completion, null, at(m));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // moveOn, masteryScore, statements, minute satisfied (null: not satisfied), why
                arguments(MoveOn.Completed, null, List.of(), null, "nothing reported"),
                arguments(MoveOn.Completed, null, List.of(completed(5)), 5, "a completion"),
                arguments(MoveOn.Completed, null, List.of(passed(3)), null, "a pass is not a completion"),
                arguments(
                        MoveOn.Completed, null, List.of(passed(3), completed(7), completed(9)), 7, "first completion"),
                arguments(
                        MoveOn.Completed,
                        null,
                        List.of(cmi5(Cmi5.COMPLETED, null, false, null, 2)),
                        null,
                        "completion=false"),
                arguments(MoveOn.Completed, null, List.of(xapi(ATTEMPTED, null, true, 4)), 4, "xAPI result.completion"),
                arguments(
                        MoveOn.Completed,
                        null,
                        List.of(cmi5(ATTEMPTED, null, true, null, 4)),
                        null,
                        "cmi5 counts by verb"),
                arguments(
                        MoveOn.Completed, null, List.of(allowed(Cmi5.COMPLETED, null, true, 4)), null, "cmi5 allowed"),
                arguments(
                        MoveOn.Completed,
                        null,
                        List.of(xapi(ABANDONED, null, true, 4)),
                        null,
                        "abandoned never counts"),
                arguments(MoveOn.Passed, null, List.of(passed(4)), 4, "a pass"),
                arguments(MoveOn.Passed, null, List.of(completed(4)), null, "a completion is not a pass"),
                arguments(MoveOn.Passed, null, List.of(failed(2), passed(6)), 6, "failed first, passed later"),
                arguments(MoveOn.Passed, null, List.of(failed(2)), null, "failed only"),
                arguments(MoveOn.Passed, 0.8, List.of(passed(2, 0.7), passed(5, 0.8)), 5, "below mastery skipped"),
                arguments(MoveOn.Passed, 0.8, List.of(passed(2)), 2, "pass without scaled score"),
                arguments(MoveOn.Passed, null, List.of(cmi5(Cmi5.PASSED, false, null, null, 2)), null, "success=false"),
                arguments(MoveOn.Passed, null, List.of(xapi(ATTEMPTED, true, null, 3)), 3, "xAPI result.success"),
                arguments(MoveOn.Passed, null, List.of(xapi(Cmi5.FAILED, true, null, 3)), null, "failed with success"),
                arguments(MoveOn.CompletedAndPassed, null, List.of(completed(1), passed(2)), 2, "later of the two"),
                arguments(MoveOn.CompletedAndPassed, null, List.of(passed(1), completed(8)), 8, "pass first"),
                arguments(MoveOn.CompletedAndPassed, null, List.of(completed(8), passed(1)), 8, "sent out of order"),
                arguments(MoveOn.CompletedAndPassed, null, List.of(completed(1)), null, "no pass yet"),
                arguments(
                        MoveOn.CompletedAndPassed,
                        0.9,
                        List.of(completed(1), passed(2, 0.85)),
                        null,
                        "pass below mastery"),
                arguments(
                        MoveOn.CompletedAndPassed,
                        0.9,
                        List.of(failed(1), completed(2), passed(3, 0.95)),
                        3,
                        "failed first"),
                arguments(
                        MoveOn.CompletedAndPassed,
                        null,
                        List.of(xapi(ATTEMPTED, true, true, 6)),
                        6,
                        "one xAPI statement"),
                arguments(MoveOn.CompletedOrPassed, null, List.of(completed(3), passed(2)), 2, "earlier of the two"),
                arguments(MoveOn.CompletedOrPassed, null, List.of(completed(3)), 3, "completion alone"),
                arguments(MoveOn.CompletedOrPassed, 0.9, List.of(failed(1), passed(2, 0.5)), null, "nothing counts"),
                arguments(MoveOn.NotApplicable, null, List.of(), 0, "satisfied at enrollment"),
                arguments(
                        MoveOn.NotApplicable, 0.9, List.of(failed(3), passed(5, 0.95)), 0, "statements do not matter"));
    }

    @ParameterizedTest(name = "{0} mastery {1}: {4}")
    @MethodSource("cases")
    void decidesWhetherAndWhenTheMoveOnCriteriaAreMet(
            MoveOn moveOn, Double masteryScore, List<ProgressStatement> statements, Integer minute, String why) {
        Optional<Satisfaction> satisfaction = new MoveOnCriteria(moveOn, masteryScore).evaluate(ENROLLED, statements);

        if (minute == null) {
            assertThat(satisfaction).isEmpty();
        } else {
            assertThat(satisfaction).map(Satisfaction::at).contains(at(minute));
        }
    }

    @Test
    void namesTheStatementThatMetTheCriteria() {
        ProgressStatement completion = completed(1);
        ProgressStatement pass = passed(2);

        assertThat(new MoveOnCriteria(MoveOn.CompletedAndPassed, null).evaluate(ENROLLED, List.of(pass, completion)))
                .map(Satisfaction::statementId)
                .contains(pass.statementId());
    }

    @Test
    void refusesAMasteryScoreOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MoveOnCriteria(MoveOn.Passed, 1.5));
        assertThatIllegalArgumentException().isThrownBy(() -> new MoveOnCriteria(MoveOn.Passed, -0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new MoveOnCriteria(null, null));
    }
}
