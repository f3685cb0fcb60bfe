package org.credstack.enrollment.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.credstack.enrollment.xapi.Statement;
import org.credstack.enrollment.xapi.StatementReader;
import org.credstack.enrollment.xapi.StatementRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlausibleTimestampsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private final PlausibleTimestamps timestamps = new PlausibleTimestamps(
            Clock.fixed(NOW, ZoneOffset.UTC), new XapiProperties(Duration.ofMinutes(5), 4, Duration.ofSeconds(30)));

    @ParameterizedTest
    @ValueSource(
            strings = {"2099-01-01T00:00:00Z", "2026-03-01T09:05:01Z", "0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z"})
    void refusesATimestampInTheFutureOrBeforeTheEpoch(String timestamp) {
        StatementRejected rejected = catchThrowableOfType(
                StatementRejected.class, () -> timestamps.check(read(timestamp), i -> "/timestamp"));

        assertThat(rejected.problems())
                .extracting(StatementRejected.Problem::pointer)
                .containsExactly("/timestamp");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"2026-03-01T09:05:00Z", "2026-03-01T09:00:00Z", "1970-01-01T00:00:00Z", "2008-09-15T15:53:00Z"})
    void acceptsATimestampWithinTheClockSkewAndSinceTheEpoch(String timestamp) {
        assertThatCode(() -> timestamps.check(read(timestamp), i -> "/timestamp"))
                .doesNotThrowAnyException();
    }

    @Test
    void namesEveryImplausibleStatementOfABatchByItsPosition() {
        List<Statement> batch = List.of(
                read("2026-03-01T08:00:00Z").getFirst(),
                read("2099-01-01T00:00:00Z").getFirst(),
                read("0001-01-01T00:00:00Z").getFirst());

        StatementRejected rejected = catchThrowableOfType(
                StatementRejected.class, () -> timestamps.check(batch, i -> "/" + i + "/timestamp"));

        assertThat(rejected.problems())
                .extracting(StatementRejected.Problem::pointer)
                .containsExactly("/1/timestamp", "/2/timestamp");
    }

    @Test
    void acceptsAStatementWithoutATimestamp() {
        assertThatCode(() -> timestamps.check(read(null), i -> "/timestamp")).doesNotThrowAnyException();
    }

    private static List<Statement> read(String timestamp) {
        return new StatementReader().read(XapiStatementsIT.statement(UUID.randomUUID(), "completed", timestamp));
    }
}
