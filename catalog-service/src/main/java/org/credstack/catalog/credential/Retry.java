package org.credstack.catalog.credential;

import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/** Re-runs a load-change-save step when another writer (or the outbox relay) saved the document first. */
final class Retry {

    static final int ATTEMPTS = 5;

    private Retry() {}

    /**
     * @param step loads the aggregate afresh, changes and saves it
     * @throws OptimisticLockingFailureException if every attempt lost the race
     */
    static <T> T onConflict(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
