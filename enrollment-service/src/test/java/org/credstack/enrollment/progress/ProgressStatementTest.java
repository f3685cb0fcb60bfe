package org.credstack.enrollment.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.credstack.enrollment.progress.ProgressStatement.Kind;
import org.credstack.enrollment.xapi.Fixtures;
import org.credstack.enrollment.xapi.StatementReader;
import org.junit.jupiter.api.Test;

class ProgressStatementTest {

    private static final Instant STORED = Instant.parse("2026-02-03T04:05:06Z");

    private final StatementReader reader = new StatementReader();

    private ProgressStatement of(String file) {
        return ProgressStatement.of(reader.read(Fixtures.text(file)).getFirst(), STORED);
    }

    @Test
    void readsCompletionAndSuccessFromTheResultOfAPlainXapiStatement() {
        ProgressStatement attempted = of("xapi/valid-03-spec-attempted-completion-duration-seconds.json");

        assertThat(attempted)
                .isEqualTo(new ProgressStatement(
                        UUID.fromString("7ccd3322-e1a5-411a-a67d-6a735c76f119"),
                        "http://adlnet.gov/expapi/verbs/attempted",
                        Kind.XAPI,
                        true,
                        true,
                        0.95,
                        Instant.parse("2015-12-18T12:17:00Z")));
    }

    @Test
    void tellsCmi5DefinedFromCmi5AllowedStatements() {
        assertThat(of("cmi5/10-completed_and_passed-masteryScore__05-passed_statement.json")
                        .kind())
                .isEqualTo(Kind.CMI5_DEFINED);
        assertThat(of("cmi5/12-allowed_statement__04-allowed_statement.json").kind())
                .isEqualTo(Kind.CMI5_ALLOWED);
    }

    @Test
    void usesTheStoredTimeWhenTheStatementHasNoTimestamp() {
        assertThat(of("xapi/valid-01-spec-minimal-statement.json").timestamp()).isEqualTo(STORED);
    }
}
