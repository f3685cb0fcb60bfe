package org.credstack.runtime.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.Test;

class RecentCountsTest {

    static final Instant START = Instant.parse("2027-03-01T10:00:30Z");

    final TestClock clock = new TestClock(START);
    final RecentCounts counts = new RecentCounts(clock);

    @Test
    void countsWhatHappenedInTheCurrentMinuteAndThe59BeforeIt() {
        counts.add("reminders");
        clock.advance(Duration.ofMinutes(30));
        counts.add("reminders", 2);
        counts.add("failures");
        clock.advance(Duration.ofMinutes(29));

        RecentCounts.LastHour lastHour = counts.lastHour();

        assertThat(lastHour.counts()).containsEntry("reminders", 3L).containsEntry("failures", 1L);
        assertThat(lastHour.from()).isEqualTo(Instant.parse("2027-03-01T10:00:00Z"));
        assertThat(lastHour.to()).isEqualTo(START.plus(Duration.ofMinutes(59)));
    }

    @Test
    void dropsAMinuteOnceItIsAnHourOld() {
        counts.add("reminders");
        clock.advance(Duration.ofMinutes(30));
        counts.add("reminders", 2);
        clock.advance(Duration.ofMinutes(30));

        assertThat(counts.lastHour().counts()).containsEntry("reminders", 2L);

        clock.advance(Duration.ofHours(3));
        counts.add("reminders");
        assertThat(counts.lastHour().counts())
                .as("a slot reused hours later holds only its new minute")
                .containsEntry("reminders", 1L);
    }

    @Test
    void saysFromWhenItHasBeenCountingAndNamesInOrder() {
        clock.advance(Duration.ofMinutes(5));
        counts.add("b");
        counts.add("a");

        RecentCounts.LastHour lastHour = counts.lastHour();

        assertThat(lastHour.countingSince()).isEqualTo(START);
        assertThat(lastHour.counts().keySet()).containsExactly("a", "b");
        assertThatThrownBy(() -> counts.add("a", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
