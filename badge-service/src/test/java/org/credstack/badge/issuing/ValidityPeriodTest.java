package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidityPeriodTest {

    @ParameterizedTest(name = "{0} + {1} in {2} = {3}")
    @CsvSource({
        // month end and leap day, on the UTC calendar
        "2024-01-31T10:00:00Z, P1M, UTC, 2024-02-29T10:00:00Z",
        "2023-01-31T10:00:00Z, P1M, UTC, 2023-02-28T10:00:00Z",
        "2024-02-29T10:00:00Z, P1Y, UTC, 2025-02-28T10:00:00Z",
        "2024-02-29T10:00:00Z, P2Y, UTC, 2026-02-28T10:00:00Z",
        "2024-02-29T10:00:00Z, P4Y, UTC, 2028-02-29T10:00:00Z",
        "2023-06-15T08:30:00Z, P2Y, UTC, 2025-06-15T08:30:00Z",
        "2024-01-31T10:00:00Z, P1Y6M, UTC, 2025-07-31T10:00:00Z",
        "2024-03-31T10:00:00Z, P90D, UTC, 2024-06-29T10:00:00Z",
    })
    void addsThePeriodOnTheCalendarClampingToTheMonthEnd(
            Instant validFrom, String period, String zone, Instant validUntil) {
        assertThat(ValidityPeriod.validUntil(validFrom, period, zone)).contains(validUntil);
    }

    @Test
    void countsTheLeapDayOnTheIssuersCalendarNotUtcs() {
        // 23:30 UTC on 28 Feb is already 29 Feb in Berlin: a year later it is 28 Feb 00:30 Berlin time
        Instant validFrom = Instant.parse("2024-02-28T23:30:00Z");

        assertThat(ValidityPeriod.validUntil(validFrom, "P1Y", "Europe/Berlin"))
                .contains(Instant.parse("2025-02-27T23:30:00Z"));
        assertThat(ValidityPeriod.validUntil(validFrom, "P1Y", "UTC")).contains(Instant.parse("2025-02-28T23:30:00Z"));
    }

    @Test
    void endsAtTheSameLocalTimeAcrossADaylightSavingChange() {
        // Berlin moves to summer time on 31 March 2024: the local day has 23 hours
        Instant validFrom = Instant.parse("2024-03-30T12:00:00Z"); // 13:00 CET

        assertThat(ValidityPeriod.validUntil(validFrom, "P1D", "Europe/Berlin"))
                .contains(Instant.parse("2024-03-31T11:00:00Z")); // 13:00 CEST
    }

    @Test
    void endsAtTheLocalMonthEndInAZoneBehindUtc() {
        // 2024-03-01T03:00Z is still 29 Feb evening in New York
        Instant validFrom = Instant.parse("2024-03-01T03:00:00Z");

        assertThat(ValidityPeriod.validUntil(validFrom, "P1M", "America/New_York"))
                .contains(Instant.parse("2024-03-30T02:00:00Z")); // 29 Mar 22:00 EDT
    }

    @Test
    void usesUtcWhenTheProviderHasNoZone() {
        assertThat(ValidityPeriod.validUntil(Instant.parse("2024-01-31T10:00:00Z"), "P1M", null))
                .contains(Instant.parse("2024-02-29T10:00:00Z"));
    }

    @Test
    void neverExpiresWithoutAPeriod() {
        assertThat(ValidityPeriod.validUntil(Instant.parse("2024-01-31T10:00:00Z"), null, "UTC"))
                .isEmpty();
        assertThat(ValidityPeriod.validUntil(Instant.parse("2024-01-31T10:00:00Z"), " ", "UTC"))
                .isEmpty();
    }

    @Test
    void rejectsAPeriodThatIsNotIso8601NamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ValidityPeriod.validUntil(Instant.EPOCH, "2 years", "UTC"))
                .withMessageContaining("2 years");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ValidityPeriod.validUntil(Instant.EPOCH, "PT24H", "UTC"))
                .withMessageContaining("PT24H");
    }

    @Test
    void rejectsANonPositivePeriod() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ValidityPeriod.validUntil(Instant.EPOCH, "P0D", "UTC"))
                .withMessageContaining("positive");
    }

    @Test
    void rejectsAnUnknownZoneNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ValidityPeriod.validUntil(Instant.EPOCH, "P1Y", "Mars/Olympus_Mons"))
                .withMessageContaining("Mars/Olympus_Mons");
    }
}
