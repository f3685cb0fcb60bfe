package org.credstack.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

class ConflictRetryTest {

    private final ConflictRetry retry = new ConflictRetry(RetryRegistry.of(RetryConfig.custom()
                    .maxAttempts(3)
                    .intervalFunction(IntervalFunction.of(Duration.ofMillis(1)))
                    .retryExceptions(OptimisticLockingFailureException.class)
                    .build())
            .retry(ConflictRetry.NAME));

    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void runsTheChangeAgainAfterAConflict() {
        String saved = retry.run(() -> {
            if (runs.incrementAndGet() < 3) {
                throw new OptimisticLockingFailureException("another writer saved first");
            }
            return "saved";
        });

        assertThat(saved).isEqualTo("saved");
        assertThat(runs).hasValue(3);
    }

    @Test
    void givesTheConflictBackAfterTheLastAttempt() {
        assertThatThrownBy(() -> retry.run(() -> {
                    runs.incrementAndGet();
                    throw new OptimisticLockingFailureException("always behind");
                }))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(runs).hasValue(3);
    }

    @Test
    void doesNotRetryOtherErrors() {
        assertThatThrownBy(() -> retry.run(() -> {
                    runs.incrementAndGet();
                    throw new IllegalArgumentException("a business error");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(runs).hasValue(1);
    }
}
