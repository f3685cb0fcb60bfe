package org.credstack.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.credstack.events.catalog.CredentialSnapshot.RenewalPolicy;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.Test;

class RenewalWindowTest {

    private static final Instant VALID_FROM = Instant.parse("2025-03-31T09:00:00Z");
    private static final Instant VALID_UNTIL = Instant.parse("2027-03-31T08:00:00Z");
    private final TestClock clock = new TestClock(VALID_FROM);

    @Test
    void opensTheWindowBeforeValidUntilOnTheIssuersCalendarAndClosesItAtValidUntil() {
        RenewalWindow window = RenewalWindow.of(VALID_FROM, VALID_UNTIL, policy("P1M", null), "Europe/London");

        assertThat(window.opens()).isEqualTo(Instant.parse("2027-02-28T09:00:00Z"));
        assertThat(window.closes()).isEqualTo(VALID_UNTIL);
        clock.set(window.opens().minusSeconds(1));
        assertThat(window.contains(clock.instant())).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(window.contains(clock.instant())).isTrue();
        clock.set(VALID_UNTIL);
        assertThat(window.contains(clock.instant())).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(window.contains(clock.instant())).isFalse();
        assertThat(window.describe()).contains("2027-02-28T09:00:00Z", "2027-03-31T08:00:00Z");
    }

    @Test
    void keepsTheWindowOpenForTheGracePeriodAfterValidUntil() {
        RenewalWindow window = RenewalWindow.of(VALID_FROM, VALID_UNTIL, policy("P60D", "P14D"), "UTC");

        clock.set(VALID_UNTIL.plus(Duration.ofDays(14)));
        assertThat(window.contains(clock.instant())).isTrue();
        assertThat(window.lapsed(clock.instant())).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(window.contains(clock.instant())).isFalse();
        assertThat(window.describe()).contains("2027-04-14T08:00:00Z", "grace");
    }

    @Test
    void opensAtIssuanceWhenThePolicyNamesNoWindow() {
        RenewalWindow window = RenewalWindow.of(VALID_FROM, VALID_UNTIL, policy(null, null), null);

        assertThat(window.opens()).isEqualTo(VALID_FROM);
        clock.set(VALID_FROM.plus(Duration.ofDays(1)));
        assertThat(window.contains(clock.instant())).isTrue();
    }

    private static RenewalPolicy policy(String window, String grace) {
        return new RenewalPolicy(window, "Retake the quiz", List.of(), List.of(), grace);
    }
}
