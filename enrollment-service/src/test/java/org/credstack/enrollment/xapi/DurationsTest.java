package org.credstack.enrollment.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"PT1H0M0S", "PT1234S", "P1DT12H36M0.12567S", "P4W", "P1Y2M3DT4H5M6S", "PT0.5H", "P1D", "PT14.47S"
            })
    void acceptsIso8601Durations(String duration) {
        assertThat(Durations.isDuration(duration)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"P4W1D", "P1DT4W", "P", "PT", "P1DT", "1H", "PT1.5H30M", "P1,5D", "PT1H-5M", "pt1h", "P1.5W2D"})
    void rejectsWhatBreaksTheXapiDurationRules(String duration) {
        assertThat(Durations.isDuration(duration)).isFalse();
    }
}
