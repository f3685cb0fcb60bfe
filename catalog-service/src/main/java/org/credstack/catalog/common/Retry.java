package org.credstack.catalog.common;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Re-runs a load-change-save step when another writer (or the outbox relay, which increments the lock
 * version when it clears published events) saved the document first. Waits a short random time that
 * grows with each attempt so that competing writers spread out instead of colliding again.
 */
public final class Retry {

    public static final int ATTEMPTS = 8;
    private static final long BASE_BACKOFF_MILLIS = 5;

    private Retry() {}

    /**
     * @param step loads the aggregate afresh, changes and saves it
     * @throws OptimisticLockingFailureException if every attempt lost the race
     */
    public static <T> T onConflict(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current()
                    .nextLong(BASE_BACKOFF_MILLIS * attempt, BASE_BACKOFF_MILLIS * attempt * 4));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a conflicting write", e);
        }
    }
}
