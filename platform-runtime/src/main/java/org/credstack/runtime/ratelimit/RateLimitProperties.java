package org.credstack.runtime.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code credstack.rate-limits.*}: the named limits a service's {@link RateLimitFilter} applies. platform-runtime
 * ships the platform's limits ({@code rate-limits.yml} next to this class, loaded by {@link RateLimitDefaults});
 * a service or a deployment overrides one field of one limit ({@code
 * credstack.rate-limits.limits.verify.permits=100}) or turns a limit off with {@code permits: 0}.
 *
 * @param enabled {@code false} turns every limit off
 * @param maxKeys the most keys (client addresses or callers) each limit keeps a bucket for; past it the least
 *     useful are dropped (they start again with a full bucket), so a flood of distinct keys cannot exhaust memory
 * @param limits the limits by name; the name appears in the 429 problem and in the metric's {@code limit} tag
 */
@Validated
@ConfigurationProperties("credstack.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20000") @Min(1) int maxKeys,
        @DefaultValue @Valid Map<String, Limit> limits) {

    /**
     * One limit: requests matching {@code paths} (and {@code methods}, when given) are counted per {@code key}, and
     * each key may make {@code permits} requests per {@code period}: a token bucket holding {@code permits} that
     * refills evenly over {@code period}, so a key may burst up to {@code permits} at once and then keeps the
     * average.
     *
     * @param paths Spring {@code PathPattern}s within the application ({@code /credentials/**}, {@code
     *     /api/v1/providers/{@literal *}/enrollments}); at least one
     * @param methods HTTP methods counted ({@code GET}, {@code POST}); empty: every method
     * @param key what the requests are counted by
     * @param permits requests per key and period; {@code 0} turns this limit off
     * @param period the period {@code permits} refill over, at least 1 ms
     */
    public record Limit(
            @NotEmpty List<String> paths,
            @DefaultValue List<String> methods,
            @DefaultValue("client-address") @NotNull RateLimitKey key,
            @Min(0) int permits,
            @DefaultValue("1m") @NotNull Duration period) {

        /** Whether this limit counts anything ({@code permits > 0}). */
        public boolean active() {
            return permits > 0;
        }
    }
}
