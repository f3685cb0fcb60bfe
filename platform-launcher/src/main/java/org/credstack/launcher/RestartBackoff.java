package org.credstack.launcher;

import java.time.Duration;

/**
 * How long the launcher waits before restarting a child that exited on its own: {@link #FIRST} after a crash, twice
 * as long after each further crash that came soon after its restart, at most {@link #LONGEST}; back to {@link
 * #FIRST} once a run lasted {@link #STEADY} or more. So a service killed once comes back at once, and one that cannot
 * start (a broken jar, a port taken) does not spin the machine. Not thread-safe: one per child.
 */
final class RestartBackoff {

    /** The wait after the first crash, or after a crash that ended a steady run. */
    static final Duration FIRST = Duration.ofSeconds(1);

    /** The longest wait between restarts. */
    static final Duration LONGEST = Duration.ofSeconds(30);

    /** A run at least this long counts as steady: the next crash waits {@link #FIRST} again. */
    static final Duration STEADY = Duration.ofSeconds(60);

    private Duration next = FIRST;

    /**
     * The wait before the next restart.
     *
     * @param lastRun how long the child ran before it exited
     */
    Duration after(Duration lastRun) {
        if (lastRun.compareTo(STEADY) >= 0) {
            next = FIRST;
        }
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
        return wait;
    }
}
