package org.credstack.runtime.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Every call that leaves a service (SMTP, the identity provider's JWKS, another service's API) runs through the
 * Resilience4j circuit breaker and retry of its name, configured in {@code credstack.resilience.calls.<name>.*}
 * ({@link OutboundCallProperties}). The retry is outside the breaker: each attempt counts in the breaker's window,
 * and an open breaker ({@link CallNotPermittedException}) is never retried. The breaker reads time from the
 * service's {@link Clock}, so its open period passes with a test's clock.
 */
public class OutboundCalls {

    /** SMTP delivery in notification-service. */
    public static final String SMTP = "smtp";

    /** The identity provider's JWKS and OpenID Connect discovery document, fetched by the resource-server kit. */
    public static final String JWKS = "jwks";

    /** Other issuers' controller documents and status list credentials, fetched by badge-service's verifier. */
    public static final String VERIFICATION_DOCUMENTS = "verification-documents";

    private final OutboundCallProperties properties;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final RetryRegistry retries = RetryRegistry.ofDefaults();
    private final Clock clock;

    /**
     * @param properties each name's settings
     * @param clock the service's clock
     */
    public OutboundCalls(OutboundCallProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The circuit breaker of a call name, made on first use from its settings. */
    public CircuitBreaker breaker(String name) {
        OutboundCallProperties.Call call = properties.of(name);
        return breakers.circuitBreaker(
                name,
                () -> CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(call.slidingWindow())
                        .minimumNumberOfCalls(call.minimumCalls())
                        .failureRateThreshold(call.failureRate())
                        .waitDurationInOpenState(call.openFor())
                        .permittedNumberOfCallsInHalfOpenState(call.halfOpenCalls())
                        .ignoreException(ignored(call))
                        .clock(clock)
                        .build());
    }

    /** The retry of a call name, made on first use from its settings. */
    public Retry retry(String name) {
        OutboundCallProperties.Call call = properties.of(name);
        Predicate<Throwable> ignored = ignored(call);
        return retries.retry(
                name,
                () -> RetryConfig.custom()
                        .maxAttempts(call.maxAttempts())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(
                                call.initialBackoff(), call.backoffMultiplier(), call.maxBackoff()))
                        .retryOnException(e -> !(e instanceof CallNotPermittedException) && !ignored.test(e))
                        .build());
    }

    /**
     * Whether the breaker of a call name lets a call through now. Asks the breaker for a permission and hands it back,
     * so an open breaker whose {@code openFor} has passed moves to half-open here. A caller that claims work before
     * calling asks this first, so that nothing is claimed (and no attempt spent) while the far side is down.
     */
    public boolean permitsCalls(String name) {
        CircuitBreaker breaker = breaker(name);
        if (!breaker.tryAcquirePermission()) {
            return false;
        }
        breaker.releasePermission();
        return true;
    }

    /**
     * Runs a call through the retry and breaker of its name.
     *
     * @param name the call name
     * @param call the call; run again on failure, so it must be safe to repeat
     * @return what the successful attempt returned
     * @throws CallNotPermittedException when the breaker is open: the call was not attempted
     * @throws Exception what the last attempt threw
     */
    public <T> T call(String name, Callable<T> call) throws Exception {
        return retry(name).executeCallable(() -> breaker(name).executeCallable(call));
    }

    private static Predicate<Throwable> ignored(OutboundCallProperties.Call call) {
        return e -> call.ignored().stream().anyMatch(type -> type.isInstance(e));
    }
}
