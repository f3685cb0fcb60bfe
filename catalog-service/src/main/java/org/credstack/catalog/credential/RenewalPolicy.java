package org.credstack.catalog.credential;

import static org.credstack.catalog.common.CatalogRuleViolation.require;

import java.time.Period;
import java.util.List;
import org.credstack.catalog.common.Checks;

/**
 * How an award is renewed before its {@code validUntil} (CTDL {@code renewal} ConditionProfile).
 *
 * @param renewalWindow how long before {@code validUntil} a renewal may start, a positive ISO 8601 period
 *     such as {@code P90D}; {@code null} means any time
 * @param description what renewal takes, in words
 * @param requirements the assignments of a renewal enrollment; may be empty when renewal is by description only
 * @param reminderDaysBefore days before {@code validUntil} to remind the learner, each at least 1; empty means
 *     the platform default (30, 7, 1)
 * @param gracePeriod how long after {@code validUntil} a lapsed award may still be renewed, a positive ISO 8601
 *     period such as {@code P30D}; {@code null} means none
 * @throws CatalogRuleViolation for a non-positive window, grace period or reminder day
 */
public record RenewalPolicy(
        Period renewalWindow,
        String description,
        List<Assignment> requirements,
        List<Integer> reminderDaysBefore,
        Period gracePeriod) {

    public RenewalPolicy {
        Checks.period(renewalWindow, "renewalWindow");
        Checks.period(gracePeriod, "gracePeriod");
        Checks.maxLength(description, Checks.MAX_TEXT, "description");
        Checks.items(requirements, Checks.MAX_ITEMS, "requirements");
        Checks.items(reminderDaysBefore, 20, "reminderDaysBefore");
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        reminderDaysBefore = reminderDaysBefore == null ? List.of() : List.copyOf(reminderDaysBefore);
        require(
                reminderDaysBefore.stream().allMatch(d -> d >= 1 && d <= Checks.MAX_PERIOD_DAYS),
                "reminderDaysBefore",
                "reminders are due 1 or more days before validUntil");
    }

    /** A policy without a grace period. */
    public RenewalPolicy(
            Period renewalWindow, String description, List<Assignment> requirements, List<Integer> reminderDaysBefore) {
        this(renewalWindow, description, requirements, reminderDaysBefore, null);
    }
}
