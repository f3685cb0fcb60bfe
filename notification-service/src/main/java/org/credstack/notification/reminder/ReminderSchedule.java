package org.credstack.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules that decide when a learner is reminded of a credential's {@code validUntil} (pure; no store, no
 * clock of its own).
 *
 * <ul>
 *   <li>Offsets are whole days of 24 hours before {@code validUntil} (an {@code Instant}, so no time zone is
 *       involved): {@code dueAt = validUntil - days × 24 h}.
 *   <li>The event's {@code reminderDaysBefore} wins when it is non-empty, else the configured default; offsets
 *       below 1 and repeats are dropped.
 *   <li>A credential without {@code validUntil} gets no reminders.
 *   <li>A reminder whose {@code dueAt} is already before the moment of scheduling is kept as {@code SKIPPED}
 *       (so the business key stays taken and the learner's list shows it), never sent late: the issuance
 *       e-mail already names {@code validUntil}.
 *   <li>At dispatch, a due reminder is skipped when {@code validUntil} has passed, or when a later reminder of
 *       the same credential is due too (after an outage only the most urgent one goes out, not a burst).
 * </ul>
 */
final class ReminderSchedule {

    private ReminderSchedule() {}

    /**
     * One reminder to store.
     *
     * @param daysBefore days before {@code validUntil}, at least 1
     * @param dueAt when it is due, UTC
     * @param skipped whether it was already past when scheduled
     */
    record Planned(int daysBefore, Instant dueAt, boolean skipped) {}

    /**
     * Plans the reminders of one credential.
     *
     * @param validUntil the credential's {@code validUntil}, or {@code null} if it never expires
     * @param requested the event's {@code reminderDaysBefore}; empty means the default
     * @param defaults the configured default offsets
     * @param now the moment of scheduling
     * @return the reminders, earliest due first; empty without {@code validUntil}
     */
    static List<Planned> plan(Instant validUntil, List<Integer> requested, List<Integer> defaults, Instant now) {
        if (validUntil == null) {
            return List.of();
        }
        List<Integer> days = requested == null || requested.isEmpty() ? defaults : requested;
        return days.stream()
                .filter(d -> d != null && d > 0)
                .distinct()
                .sorted(Comparator.reverseOrder())
                .map(d -> {
                    Instant dueAt = validUntil.minus(Duration.ofDays(d));
                    return new Planned(d, dueAt, dueAt.isBefore(now));
                })
                .toList();
    }

    /**
     * Why a due reminder should not be sent, if at all.
     *
     * @param validUntil the credential's {@code validUntil}
     * @param now the moment of dispatch
     * @param laterReminderDue whether a reminder of the same credential with a later {@code dueAt} is due too
     * @return the reason, or empty to send it
     */
    static Optional<String> skipReason(Instant validUntil, Instant now, boolean laterReminderDue) {
        if (!now.isBefore(validUntil)) {
            return Optional.of("validUntil has passed");
        }
        if (laterReminderDue) {
            return Optional.of("superseded by a later reminder that is due too");
        }
        return Optional.empty();
    }
}
