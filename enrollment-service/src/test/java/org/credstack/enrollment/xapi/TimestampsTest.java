package org.credstack.enrollment.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource({
        "2023-05-04T17:00:00Z, 2023-05-04T17:00:00Z",
        "2023-05-04T17:00:00.123Z, 2023-05-04T17:00:00.123Z",
        "2023-05-04T12:00:00-05:00, 2023-05-04T17:00:00Z",
        "2023-05-04T19:30:00+0230, 2023-05-04T17:00:00Z",
        "2023-05-04T19:00:00+02, 2023-05-04T17:00:00Z",
        "2008-09-15T15:53:00.601+00:00, 2008-09-15T15:53:00.601Z",
        "2023-05-04t17:00:00z, 2023-05-04T17:00:00Z",
        "2023-05-04T17:00:00, 2023-05-04T17:00:00Z",
        "2023-05-04T17:00:00.1234567891234Z, 2023-05-04T17:00:00.123456789Z"
    })
    void readsIso8601DateTimesAsUtcInstants(String timestamp, Instant expected) {
        assertThat(Timestamps.parse(timestamp, "/timestamp")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2008-09-15T15:53:00.601-00:00",
                "2008-09-15T15:53:00.601-0000",
                "2008-09-15T15:53:00.601-00",
                "01/011/2015",
                "2015-01-01",
                "2015-13-01T00:00:00Z",
                "2015-02-30T00:00:00Z",
                "2015-01-01T24:00:01Z",
                "2015-01-01T00:00:00+19:00",
                "2015-01-01 00:00:00Z",
                "2015-01-01T00:00:00.Z",
                ""
            })
    void rejectsWhatIsNotAnXapiTimestamp(String timestamp) {
        assertThatThrownBy(() -> Timestamps.parse(timestamp, "/timestamp"))
                .isInstanceOfSatisfying(
                        StatementRejected.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .extracting(StatementRejected.Problem::pointer)
                                .isEqualTo("/timestamp"));
    }
}
