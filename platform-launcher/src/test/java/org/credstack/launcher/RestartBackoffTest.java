package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    @Test
    void doublesTheWaitForCrashesInQuickSuccessionUpToThirtySeconds() {
        RestartBackoff backoff = new RestartBackoff();
        Duration quick = Duration.ofSeconds(2);

        assertThat(java.util.stream.IntStream.range(0, 7)
                        .mapToObj(i -> backoff.after(quick).toSeconds())
                        .toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void startsAgainFromOneSecondAfterASteadyRun() {
        RestartBackoff backoff = new RestartBackoff();
        backoff.after(Duration.ofSeconds(1));
        backoff.after(Duration.ofSeconds(1));
        backoff.after(Duration.ofSeconds(1));

        assertThat(backoff.after(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(2));
    }
}
