package org.credstack.runtime;

import io.github.resilience4j.retry.Retry;
import java.util.function.Supplier;

/**
 * Runs a load-change-save of an aggregate again when its optimistic lock ({@code @Version}) fails because another
 * writer saved first. One Resilience4j {@link Retry} named {@value #NAME} serves every service: attempts and
 * back-off come from {@code credstack.runtime.conflict-retry.*}, and its metrics ({@code
 * resilience4j.retry.calls{name="optimistic-lock"}}) show how often writers collide.
 *
 * <p>Only {@link org.springframework.dao.OptimisticLockingFailureException} is retried. When the last attempt
 * still conflicts, that exception propagates; the web layer answers it with 409.
 */
public class ConflictRetry {

    /** The Retry's name in the registry and in metrics. */
    public static final String NAME = "optimistic-lock";

    private final Retry retry;

    /** @param retry the {@value #NAME} retry of the service's registry */
    public ConflictRetry(Retry retry) {
        this.retry = retry;
    }

    /**
     * Runs the change, again on a conflict.
     *
     * @param change loads the aggregate, applies the change and saves it; must be safe to run again
     * @return what the last run returned
     */
    public <T> T run(Supplier<T> change) {
        return retry.executeSupplier(change);
    }
}
