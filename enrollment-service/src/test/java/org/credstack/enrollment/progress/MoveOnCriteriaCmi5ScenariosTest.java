package org.credstack.enrollment.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.credstack.enrollment.xapi.Fixtures;
import org.credstack.enrollment.xapi.StatementReader;
import org.credstack.events.catalog.MoveOn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The official cmi5 sample scenarios in test resources {@code cmi5/} come out as the cmi5 spec says. */
class MoveOnCriteriaCmi5ScenariosTest {

    private static final String SCENARIO_10 = "cmi5/10-completed_and_passed-masteryScore__";
    private static final String LAUNCHED = SCENARIO_10 + "01-launched_statement.json";
    private static final String COMPLETED = SCENARIO_10 + "04-completed_statement.json";
    private static final String PASSED = SCENARIO_10 + "05-passed_statement.json";
    private static final String SATISFIED = SCENARIO_10 + "06-satisfied_statement.json";
    private static final String FAILED =
            "cmi5/11-completed_and_passed-masteryScore-failed_first__04-failed_statement.json";
    private static final String ALLOWED = "cmi5/12-allowed_statement__04-allowed_statement.json";
    private static final String ABANDONED = "cmi5/17-abandoned_session__04-abandoned_statement.json";
    private static final String CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";

    private static final Instant ENROLLED = Instant.parse("2016-06-01T00:00:00Z");
    private static final Instant STORED = Instant.parse("2016-06-10T00:00:00Z");

    private final StatementReader reader = new StatementReader();

    /** moveOn and masteryScore as the LMS handed them to the AU in scenario 10's LMS.LaunchData. */
    private static MoveOnCriteria scenario10Criteria() {
        JsonNode launchData =
                JsonMapper.builder().build().readTree(Fixtures.text(SCENARIO_10 + "02-lms_launch_data.json"));
        return new MoveOnCriteria(
                MoveOn.valueOf(launchData.get("moveOn").stringValue()),
                launchData.get("masteryScore").doubleValue());
    }

    private ProgressStatement statement(String json) {
        return ProgressStatement.of(reader.read(json).getFirst(), STORED);
    }

    private List<ProgressStatement> statements(String... files) {
        return Arrays.stream(files).map(Fixtures::text).map(this::statement).toList();
    }

    /** A fixture statement re-sent later: new id and timestamp, optionally another scaled score. */
    private ProgressStatement later(String file, String newTimestamp, String newId) {
        String json = Fixtures.text(file);
        JsonNode tree = JsonMapper.builder().build().readTree(json);
        return statement(json.replace(tree.get("timestamp").stringValue(), newTimestamp)
                .replace(tree.get("id").stringValue(), newId));
    }

    @Test
    void scenario10LaunchDataAsksForCompletedAndPassedWithMastery086() {
        assertThat(scenario10Criteria()).isEqualTo(new MoveOnCriteria(MoveOn.CompletedAndPassed, 0.86));
    }

    @Test
    void scenario10IsSatisfiedWhenThePassFollowsTheCompletion() {
        var satisfaction = scenario10Criteria().evaluate(ENROLLED, statements(LAUNCHED, COMPLETED, PASSED, SATISFIED));

        assertThat(satisfaction)
                .contains(new Satisfaction(
                        Instant.parse("2016-06-09T18:53:33.828Z"),
                        UUID.fromString("1c356160-0150-45bb-b27c-d340dd5fc582")));
    }

    @Test
    void scenario10IsNotSatisfiedByTheCompletionAlone() {
        assertThat(scenario10Criteria().evaluate(ENROLLED, statements(LAUNCHED, COMPLETED)))
                .isEmpty();
    }

    @Test
    void scenario10CompletionAloneSatisfiesCompletedOrPassedAtItsTimestamp() {
        var criteria = new MoveOnCriteria(MoveOn.CompletedOrPassed, 0.86);

        assertThat(criteria.evaluate(ENROLLED, statements(LAUNCHED, COMPLETED, PASSED)))
                .map(Satisfaction::at)
                .contains(Instant.parse("2016-06-09T18:53:23.726Z"));
    }

    @Test
    void theLmsSatisfiedStatementDoesNotSatisfyAnAssignmentByItself() {
        for (MoveOn moveOn : List.of(MoveOn.Completed, MoveOn.Passed, MoveOn.CompletedOrPassed)) {
            assertThat(new MoveOnCriteria(moveOn, null).evaluate(ENROLLED, statements(SATISFIED)))
                    .as(moveOn.name())
                    .isEmpty();
        }
    }

    @Test
    void scenario11FailedFirstDoesNotCountButDoesNotPreventALaterPass() {
        ProgressStatement failed = statement(Fixtures.text(FAILED));
        ProgressStatement completed =
                later(COMPLETED, "2016-06-09T19:01:10.000Z", "aaaaaaaa-0000-4000-8000-000000000001");
        ProgressStatement passed = later(PASSED, "2016-06-09T19:01:20.000Z", "aaaaaaaa-0000-4000-8000-000000000002");
        var criteria = scenario10Criteria();

        assertThat(criteria.evaluate(ENROLLED, List.of(failed))).isEmpty();
        assertThat(criteria.evaluate(ENROLLED, List.of(failed, completed))).isEmpty();
        assertThat(criteria.evaluate(ENROLLED, List.of(failed, completed, passed)))
                .contains(new Satisfaction(
                        Instant.parse("2016-06-09T19:01:20Z"),
                        UUID.fromString("aaaaaaaa-0000-4000-8000-000000000002")));
    }

    @Test
    void aPassedStatementBelowTheMasteryScoreDoesNotCount() {
        ProgressStatement lowPass = statement(Fixtures.text(PASSED).replace("\"scaled\": 0.88", "\"scaled\": 0.80"));

        assertThat(lowPass.scaled()).isEqualTo(0.80);
        assertThat(new MoveOnCriteria(MoveOn.Passed, 0.86).evaluate(ENROLLED, List.of(lowPass)))
                .isEmpty();
        assertThat(new MoveOnCriteria(MoveOn.Passed, null).evaluate(ENROLLED, List.of(lowPass)))
                .isPresent();
    }

    @Test
    void scenario12AllowedStatementIsReadAsCmi5AllowedAndNeverCounts() {
        ProgressStatement allowed = statement(Fixtures.text(ALLOWED));

        assertThat(allowed.kind()).isEqualTo(ProgressStatement.Kind.CMI5_ALLOWED);
        for (MoveOn moveOn : List.of(MoveOn.Completed, MoveOn.Passed, MoveOn.CompletedOrPassed)) {
            assertThat(new MoveOnCriteria(moveOn, null).evaluate(ENROLLED, List.of(allowed)))
                    .as(moveOn.name())
                    .isEmpty();
        }
    }

    @Test
    void aCompletedVerbWithoutTheCmi5CategoryIsAnAllowedStatementAndDoesNotCount() {
        String completedAsAllowed = Fixtures.text(COMPLETED).replace(CMI5_CATEGORY, "https://example.com/categories/x");
        ProgressStatement allowed = statement(completedAsAllowed);

        assertThat(allowed.kind()).isEqualTo(ProgressStatement.Kind.CMI5_ALLOWED);
        assertThat(new MoveOnCriteria(MoveOn.Completed, null).evaluate(ENROLLED, List.of(allowed)))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = MoveOn.class, names = "NotApplicable", mode = EnumSource.Mode.EXCLUDE)
    void scenario17AbandonedSessionSatisfiesNothing(MoveOn moveOn) {
        assertThat(new MoveOnCriteria(moveOn, null).evaluate(ENROLLED, statements(LAUNCHED, ABANDONED)))
                .isEmpty();
    }

    @Test
    void notApplicableIsSatisfiedAtEnrollmentWithoutAnyStatement() {
        assertThat(new MoveOnCriteria(MoveOn.NotApplicable, null).evaluate(ENROLLED, statements(ABANDONED)))
                .contains(new Satisfaction(ENROLLED, null));
    }
}
