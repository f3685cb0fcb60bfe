package org.credstack.enrollment.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credstack.enrollment.xapi.StatementRejected.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** The xAPI fixtures in test resources {@code xapi/} behave as their README says. */
class StatementReaderFixturesTest {

    private static final UUID GENERATED = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private final StatementReader reader = new StatementReader(() -> GENERATED);

    @ParameterizedTest
    @MethodSource("org.credstack.enrollment.xapi.Fixtures#validStatements")
    void acceptsEveryValidFixture(String file) {
        List<Statement> statements = reader.read(Fixtures.text("xapi/" + file));

        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.id()).isNotNull();
            assertThat(s.actor()).isNotNull();
            assertThat(s.verb().id()).startsWith("http");
            assertThat(s.object()).isNotNull();
        });
    }

    @ParameterizedTest
    @MethodSource("org.credstack.enrollment.xapi.Fixtures#invalidStatements")
    void rejectsEveryInvalidFixtureNamingTheOffendingField(String file, String pointer) {
        StatementRejected rejected =
                catchThrowableOfType(StatementRejected.class, () -> reader.read(Fixtures.text("xapi/" + file)));

        assertThat(rejected).as(file).isNotNull();
        assertThat(rejected.problems()).extracting(Problem::pointer).containsExactly(pointer);
    }

    @Test
    void normalisesANonUtcOffsetToTheSameInstantInUtc() {
        Statement statement = reader.read(Fixtures.text("xapi/valid-10-suite-timestamp-non-utc-offset.json"))
                .getFirst();

        assertThat(statement.timestamp()).isEqualTo(Instant.parse("2023-05-04T17:00:00Z"));
    }

    @Test
    void keepsUnicodeTextUnchangedInValuesAndInTheJson() {
        String original = Fixtures.text("xapi/valid-06-suite-unicode-statement.json");

        Statement statement = reader.read(original).getFirst();

        assertThat(statement.verb().display())
                .containsEntry("ja-JP", "出席した")
                .containsEntry("hy-AM", "ներկա է գտնվել")
                .containsEntry("kn-IN", "ಹಾಜರಿದ್ದರು");
        assertThat(((Activity) statement.object()).name()).containsEntry("ar-EG", "حضر");
        assertThat(statement.json()).contains("\"ko-KR\":\"참석\"", "\"pa-IN\":\"ਹਾਜ਼ਰ\"");
        JsonMapper mapper = JsonMapper.builder().build();
        assertThat(mapper.readTree(statement.json())).isEqualTo(mapper.readTree(original));
    }

    @Test
    void readsAnIdentifiedGroupActorWithItsMembers() {
        Statement statement = reader.read(Fixtures.text("xapi/valid-04-spec-long-example-group-actor-context.json"))
                .getFirst();

        assertThat(statement.actor()).isInstanceOfSatisfying(Group.class, group -> {
            assertThat(group.isIdentified()).isTrue();
            assertThat(group.name()).isEqualTo("Team PB");
            assertThat(group.ifi()).isEqualTo(new Ifi.Mbox("mailto:teampb@example.com"));
            assertThat(group.members())
                    .extracting(Agent::ifi)
                    .containsExactly(
                            new Ifi.Account("http://www.example.com", "13936749"),
                            new Ifi.OpenId("http://toby.openid.example.org/"),
                            new Ifi.MboxSha1Sum("ebd31e95054c018b10727ccffd2ef2ec3a016ee9"));
        });
        assertThat(statement.context().registration())
                .isEqualTo(UUID.fromString("ec531277-b57b-4c15-8d91-d292c5b2b8f7"));
        assertThat(statement
                        .context()
                        .contextActivities()
                        .hasCategory("http://www.example.com/meetings/categories/teammeeting"))
                .isTrue();
        assertThat(statement.context().team()).isInstanceOf(Group.class);
    }

    @Test
    void keepsTheStatementIdAndGeneratesOneWhenAbsent() {
        Statement withId = reader.read(Fixtures.text("xapi/valid-01-spec-minimal-statement.json"))
                .getFirst();
        Statement voiding = reader.read(Fixtures.text("xapi/valid-05-spec-voiding-statement.json"))
                .getFirst();

        assertThat(withId.id()).isEqualTo(UUID.fromString("12345678-1234-5678-1234-567812345678"));
        assertThat(voiding.id()).isEqualTo(GENERATED);
        assertThat(voiding.isVoiding()).isTrue();
        assertThat(voiding.object())
                .isEqualTo(new StatementRef(UUID.fromString("e05aa883-acaf-40ad-bf54-02c8ce485fb0")));
    }

    @Test
    void readsTheResultOfAnAttemptedStatement() {
        Statement statement = reader.read(
                        Fixtures.text("xapi/valid-03-spec-attempted-completion-duration-seconds.json"))
                .getFirst();

        assertThat(statement.result())
                .isEqualTo(new Result(new Score(0.95, null, null, null), true, true, null, "PT1234S"));
        assertThat(statement.timestamp()).isEqualTo(Instant.parse("2015-12-18T12:17:00Z"));
    }

    @Test
    void keepsAnOverPreciseDurationAsSent() {
        Statement statement = reader.read(Fixtures.text("xapi/valid-11-suite-duration-sub-centisecond.json"))
                .getFirst();

        assertThat(statement.result().duration()).isEqualTo("P1DT12H36M0.12567S");
    }
}
