package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.Test;

class IssuingMetricsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IssuingMetrics metrics = new IssuingMetrics(meters, new TestClock(NOW));

    @Test
    void timesCompletionToCredentialIntoTheSloBuckets() {
        metrics.completedAt(NOW.minusMillis(100));
        metrics.completedAt(NOW.minusMillis(700));
        metrics.completedAt(NOW.minusSeconds(3));
        metrics.completedAt(NOW.minusSeconds(60));

        Timer latency = meters.get(IssuingMetrics.LATENCY).timer();
        assertThat(latency.count()).isEqualTo(4);
        assertThat(Arrays.stream(latency.takeSnapshot().histogramCounts()).map(CountAtBucket::count))
                .as("cumulative counts at 250 ms, 1 s and 5 s")
                .containsExactly(1.0, 2.0, 3.0);
        assertThat(Arrays.stream(latency.takeSnapshot().histogramCounts())
                        .map(bucket -> bucket.bucket(java.util.concurrent.TimeUnit.MILLISECONDS)))
                .containsExactly(250.0, 1000.0, 5000.0);
    }

    @Test
    void countsEachCredentialUnderItsKind() {
        var credential = OpenBadgeCredentialsTest.snapshot("P1M");
        HeldCredential component =
                new HeldCredential("b1", null, "ada", "c1", NOW, null, null, "ada@example.org", "Ada", List.of(), "{}");

        metrics.issued(new Issuance("e1", "ada", credential, NOW, "ada@example.org", "Ada", null, null, List.of()));
        metrics.issued(new Issuance("e2", "ada", credential, NOW, "ada@example.org", "Ada", "urn:b0", null, List.of()));
        metrics.issued(
                new Issuance("s1", "ada", credential, NOW, "ada@example.org", "Ada", null, "n", List.of(component)));
        metrics.issued(
                new Issuance("s2", "ada", credential, NOW, "ada@example.org", "Ada", null, "n", List.of(component)));
        metrics.revoked();

        assertThat(meters.get(IssuingMetrics.ISSUED)
                        .tag("kind", "initial")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(IssuingMetrics.ISSUED)
                        .tag("kind", "renewal")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(IssuingMetrics.ISSUED)
                        .tag("kind", "stack")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get(IssuingMetrics.REVOKED).counter().count()).isEqualTo(1);
    }

    @Test
    void countsACompletionSavedAfterTheClockAsNoTimeRatherThanNegative() {
        metrics.completedAt(NOW.plusSeconds(1));

        assertThat(meters.get(IssuingMetrics.LATENCY).timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isZero();
    }
}
