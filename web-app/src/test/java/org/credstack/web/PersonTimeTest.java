package org.credstack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PersonTimeTest {

    static final Instant LATE_EVENING_UTC = Instant.parse("2026-12-31T23:30:00Z");

    @Test
    void showsTimesInThePersonsZoneAndLanguage() {
        PersonTime berlin = PersonTime.of("Europe/Berlin", Locale.GERMANY);

        assertThat(berlin.date(LATE_EVENING_UTC)).isEqualTo("01.01.2027");
        assertThat(berlin.dateTime(LATE_EVENING_UTC)).isEqualTo("01.01.2027, 00:30 (Europe/Berlin)");
    }

    @Test
    void showsValidityInTheIssuersZoneWhateverThePersonsZone() {
        PersonTime tokyo = PersonTime.of("Asia/Tokyo", Locale.US);

        assertThat(tokyo.date(LATE_EVENING_UTC, ZoneId.of("America/New_York"))).isEqualTo("Dec 31, 2026");
        assertThat(tokyo.date(LATE_EVENING_UTC)).isEqualTo("Jan 1, 2027");
    }

    @Test
    void fallsBackToUtcForAMissingOrWrongZone() {
        assertThat(PersonTime.of(null, Locale.UK).zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(PersonTime.of("Mars/Olympus", Locale.UK).zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(PersonTime.of("../../etc", Locale.UK).dateTime(LATE_EVENING_UTC))
                .endsWith("(UTC)");
    }
}
