package org.credstack.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.credstack.notification.reminder.ReminderSchedule.Planned;
import org.junit.jupiter.api.Test;

class ReminderScheduleTest {

    private static final List<Integer> DEFAULTS = List.of(30, 7, 1);
    private static final Instant VALID_UNTIL = Instant.parse("2027-03-31T12:00:00Z");
    private static final Instant ISSUED = Instant.parse("2026-03-31T12:00:00Z");

    @Test
    void remindsThirtySevenAndOneDayBeforeValidUntilByDefault() {
        assertThat(ReminderSchedule.plan(VALID_UNTIL, List.of(), DEFAULTS, ISSUED))
                .containsExactly(
                        new Planned(30, Instant.parse("2027-03-01T12:00:00Z"), false),
                        new Planned(7, Instant.parse("2027-03-24T12:00:00Z"), false),
                        new Planned(1, Instant.parse("2027-03-30T12:00:00Z"), false));
    }

    @Test
    void countsDaysAsTwentyFourHoursAcrossLeapDays() {
        Instant validUntil = Instant.parse("2028-03-01T00:00:00Z");

        assertThat(ReminderSchedule.plan(validUntil, List.of(1), DEFAULTS, ISSUED))
                .extracting(Planned::dueAt)
                .containsExactly(Instant.parse("2028-02-29T00:00:00Z"));
    }

    @Test
    void usesTheEventsOffsetsInsteadOfTheDefaultWhenItNamesAny() {
        assertThat(ReminderSchedule.plan(VALID_UNTIL, List.of(14, 60), DEFAULTS, ISSUED))
                .extracting(Planned::daysBefore)
                .containsExactly(60, 14);
    }

    @Test
    void dropsOffsetsBelowOneAndRepeats() {
        assertThat(ReminderSchedule.plan(VALID_UNTIL, List.of(7, 0, -3, 7, 2), DEFAULTS, ISSUED))
                .extracting(Planned::daysBefore)
                .containsExactly(7, 2);
    }

    @Test
    void plansNothingForACredentialThatNeverExpires() {
        assertThat(ReminderSchedule.plan(null, List.of(7), DEFAULTS, ISSUED)).isEmpty();
    }

    @Test
    void marksRemindersAlreadyPastWhenScheduledAsSkippedInsteadOfSendingThemLate() {
        Instant tenDaysBefore = Instant.parse("2027-03-21T12:00:00Z");

        assertThat(ReminderSchedule.plan(VALID_UNTIL, List.of(), DEFAULTS, tenDaysBefore))
                .containsExactly(
                        new Planned(30, Instant.parse("2027-03-01T12:00:00Z"), true),
                        new Planned(7, Instant.parse("2027-03-24T12:00:00Z"), false),
                        new Planned(1, Instant.parse("2027-03-30T12:00:00Z"), false));
    }

    @Test
    void sendsAReminderThatIsDueExactlyWhenScheduled() {
        Instant sevenDaysBefore = Instant.parse("2027-03-24T12:00:00Z");

        assertThat(ReminderSchedule.plan(VALID_UNTIL, List.of(7), DEFAULTS, sevenDaysBefore))
                .containsExactly(new Planned(7, sevenDaysBefore, false));
    }

    @Test
    void sendsADueReminderWhileTheCredentialIsValidAndNoLaterOneIsDue() {
        assertThat(ReminderSchedule.skipReason(VALID_UNTIL, VALID_UNTIL.minusSeconds(1), false))
                .isEmpty();
    }

    @Test
    void skipsADueReminderOnceValidUntilHasPassed() {
        assertThat(ReminderSchedule.skipReason(VALID_UNTIL, VALID_UNTIL, false)).hasValue("validUntil has passed");
    }

    @Test
    void skipsADueReminderWhenALaterOneIsDueTooSoAnOutageEndsInOneReminderNotABurst() {
        assertThat(ReminderSchedule.skipReason(VALID_UNTIL, ISSUED, true))
                .hasValue("superseded by a later reminder that is due too");
    }
}
