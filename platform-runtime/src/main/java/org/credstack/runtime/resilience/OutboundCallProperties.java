package org.credstack.runtime.resilience;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The circuit breaker and retry of each named call that leaves a service, prefix {@code credstack.resilience}:
 * {@code credstack.resilience.calls.<name>.*}. A name without settings gets the defaults below
 * (docs/tracing-resilience.md says why).
 *
 * @param calls settings by call name ({@link OutboundCalls#SMTP}, {@link OutboundCalls#JWKS}, ...)
 */
@Validated
@ConfigurationProperties("credstack.resilience")
public record OutboundCallProperties(@DefaultValue @Valid Map<String, @Valid Call> calls) {

    /** The settings of a name that has none of its own. */
    public static final Call DEFAULTS = new Call(
            10, 5, 50f, Duration.ofSeconds(30), 2, 3, Duration.ofMillis(500), 2.0, Duration.ofSeconds(5), List.of());

    /**
     * The settings of one call name, or the defaults.
     *
     * @param name a call name
     */
    public Call of(String name) {
        return calls.getOrDefault(name, DEFAULTS);
    }

    /**
     * One call's breaker and retry.
     *
     * @param slidingWindow how many of the last calls the breaker judges
     * @param minimumCalls calls it needs before it judges at all
     * @param failureRate percentage of failed calls in the window that opens it
     * @param openFor how long it stays open (no call attempted) before letting {@code halfOpenCalls} through, by the
     *     service's clock
     * @param halfOpenCalls trial calls in the half-open state; all succeed → closed, else open again
     * @param maxAttempts attempts of one call, the first included (1: no retry)
     * @param initialBackoff wait after the first failed attempt
     * @param backoffMultiplier factor of each further wait
     * @param maxBackoff the longest wait between two attempts
     * @param ignored business errors: neither retried nor counted against the breaker (subclasses included)
     */
    public record Call(
            @DefaultValue("10") @Min(1) int slidingWindow,
            @DefaultValue("5") @Min(1) int minimumCalls,

            @DefaultValue("50") @DecimalMin("1") @DecimalMax("100")
            float failureRate,

            @DefaultValue("30s") @NotNull Duration openFor,
            @DefaultValue("2") @Min(1) int halfOpenCalls,
            @DefaultValue("3") @Min(1) int maxAttempts,
            @DefaultValue("500ms") @NotNull Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double backoffMultiplier,
            @DefaultValue("5s") @NotNull Duration maxBackoff,
            @DefaultValue List<Class<? extends Throwable>> ignored) {}
}
