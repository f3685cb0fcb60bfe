package org.credstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.credstack.load.IssuedCredentials.Issued;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    private final LoadSettings settings = new LoadSettings(
            "localhost",
            0,
            "localhost:9092",
            10,
            Duration.ofSeconds(20),
            0,
            1,
            100,
            1,
            Duration.ofSeconds(60),
            Duration.ofMinutes(10),
            16,
            Path.of("target/load"),
            Path.of(".data"));

    @Test
    void countsAnAcknowledgedCompletionWithoutCredentialAsLost() {
        Acknowledgements acks = acknowledged("e1", "e2");

        LoadReport report =
                LoadReport.of("t", settings, Map.of(), acks, Map.of("e1", List.of(issued("b1", "c1"))), null);

        assertThat(report.awarded()).isEqualTo(1);
        assertThat(report.lost()).isEqualTo(1);
    }

    @Test
    void countsTwoCredentialsForOneEnrollmentAsDoubledButOneEventDeliveredTwiceAsRedelivered() {
        Acknowledgements acks = acknowledged("e1", "e2");
        Map<String, List<Issued>> issued = Map.of(
                "e1", List.of(issued("b1", "c1"), issued("b2", "c2")),
                "e2", List.of(issued("b3", "c3"), issued("b3", "c3")));

        LoadReport report = LoadReport.of("t", settings, Map.of(), acks, issued, null);

        assertThat(report.doubled()).isEqualTo(1);
        assertThat(report.redelivered()).isEqualTo(1);
        assertThat(report.lost()).isZero();
    }

    @Test
    void measuresLatencyFromAcknowledgementToTheFirstPublishedCredential() {
        Acknowledgements acks = acknowledged("e1");
        long acknowledgedAt = acks.acknowledgedAt().get("e1");
        Map<String, List<Issued>> issued = Map.of(
                "e1",
                List.of(
                        new Issued("b1", "c1", acknowledgedAt + 250, acknowledgedAt + 400),
                        new Issued("b1", "c1", acknowledgedAt + 900, acknowledgedAt + 950)));

        LoadReport report = LoadReport.of("t", settings, Map.of(), acks, issued, null);

        assertThat(report.latencyMillis()).containsEntry("max", 250L).containsEntry("count", 1L);
    }

    @Test
    void readsDurationsAsWrittenOnTheCommandLine() {
        assertThat(LoadSettings.duration("20s")).isEqualTo(Duration.ofSeconds(20));
        assertThat(LoadSettings.duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(LoadSettings.duration("300")).isEqualTo(Duration.ofSeconds(300));
        assertThat(LoadSettings.duration("PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    private static Acknowledgements acknowledged(String... enrollmentIds) {
        Acknowledgements acks = new Acknowledgements();
        acks.posting(enrollmentIds.length);
        acks.acknowledged(List.of(enrollmentIds));
        return acks;
    }

    private static Issued issued(String badgeId, String eventId) {
        long now = System.currentTimeMillis();
        return new Issued(badgeId, eventId, now, now);
    }
}
