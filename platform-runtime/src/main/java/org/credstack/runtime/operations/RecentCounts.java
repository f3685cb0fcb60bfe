package org.credstack.runtime.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of what a service did in the last hour, kept in memory by minute (docs/web-app-operator.md,
 * "Decisions"): the outbox relay counts every event it published by its CloudEvents {@code ce_type}, and a service adds
 * counts of its own ({@code notification.emails.failed}). Answered by {@code GET /api/v1/operations/last-hour}.
 *
 * <p>Each name keeps {@value #MINUTES} slots, one per minute of the injected {@link Clock}; a slot is reused once its
 * minute is an hour old, so memory is bounded by the number of names and no store is read. The counts start again
 * when the process does: {@link LastHour#countingSince()} says from when they hold.
 */
public class RecentCounts {

    /** Minutes in the window: the current one and the 59 before it. */
    public static final int MINUTES = 60;

    private static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Clock clock;
    private final Instant countingSince;
    private final Map<String, Slots> counts = new HashMap<>();

    /** Counts from the clock's present instant on. */
    public RecentCounts(Clock clock) {
        this.clock = clock;
        this.countingSince = clock.instant();
    }

    /** Adds one to {@code name} in the current minute. */
    public void add(String name) {
        add(name, 1);
    }

    /**
     * Adds {@code amount} to {@code name} in the current minute.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public synchronized void add(String name, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a count only grows; was asked to add " + amount + " to " + name);
        }
        counts.computeIfAbsent(name, ignored -> new Slots()).add(minuteNow(), amount);
    }

    /** Every name's count over the current minute and the 59 before it, names in alphabetical order. */
    public synchronized LastHour lastHour() {
        long minute = minuteNow();
        Map<String, Long> totals = new TreeMap<>();
        counts.forEach((name, slots) -> totals.put(name, slots.sumSince(minute - MINUTES + 1)));
        Instant from = Instant.ofEpochMilli((minute - MINUTES + 1) * MINUTE_MILLIS);
        return new LastHour(from, clock.instant(), countingSince, totals);
    }

    private long minuteNow() {
        return Math.floorDiv(clock.millis(), MINUTE_MILLIS);
    }

    /**
     * The answer of {@code GET /api/v1/operations/last-hour}.
     *
     * @param from start of the oldest minute counted (UTC, a whole minute, 59 minutes before the current one began)
     * @param to when the counts were read
     * @param countingSince when this process began counting; later than {@code from} after a restart within the hour,
     *     and then the counts cover only {@code countingSince} to {@code to}
     * @param counts name → count; a name nothing was counted under in the window is 0, one never counted is absent
     */
    public record LastHour(Instant from, Instant to, Instant countingSince, Map<String, Long> counts) {

        public LastHour {
            counts = Collections.unmodifiableMap(new TreeMap<>(counts));
        }
    }

    /** One name's counts, slot {@code minute % MINUTES} holding the count of {@code minutes[slot]}. */
    private static final class Slots {

        private final long[] minutes = new long[MINUTES];
        private final long[] amounts = new long[MINUTES];

        Slots() {
            Arrays.fill(minutes, Long.MIN_VALUE);
        }

        void add(long minute, long amount) {
            int slot = (int) Math.floorMod(minute, (long) MINUTES);
            if (minutes[slot] != minute) {
                minutes[slot] = minute;
                amounts[slot] = 0;
            }
            amounts[slot] += amount;
        }

        long sumSince(long firstMinute) {
            long sum = 0;
            for (int slot = 0; slot < MINUTES; slot++) {
                if (minutes[slot] >= firstMinute) {
                    sum += amounts[slot];
                }
            }
            return sum;
        }
    }
}
