package org.credstack.runtime.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.credstack.runtime.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@code credstack.rate-limits} limits to every request, before security and before anything reads
 * or stores the request. A request takes one permit from each limit that applies to it, in the order the
 * limits are configured; at the first limit without a permit for its key it is answered at once:
 *
 * <ul>
 *   <li>429 with {@code Retry-After}: whole seconds until that key has a permit again, at least 1 (RFC 9110
 *       §10.2.3);
 *   <li>an RFC 9457 problem {@code urn:credstack:problem:too-many-requests} whose {@code detail} names the limit
 *       and the wait, with extension members {@code limit} (the name) and {@code retryAfter} (seconds);
 *   <li>one more on the counter {@value #THROTTLED_METRIC} tagged {@code limit}.
 * </ul>
 *
 * <p>The permits taken from limits checked before the refusing one stay taken.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    /** Requests answered 429, tag {@code limit}. */
    public static final String THROTTLED_METRIC = "credstack.rate-limit.throttled";

    /** Keys holding a bucket, tag {@code limit}. */
    public static final String KEYS_METRIC = "credstack.rate-limit.keys";

    private final List<RateLimit> limits;
    private final Map<String, Counter> throttled;

    /** The active limits of {@code properties} (none when {@code enabled} is false), their buckets on {@code clock}. */
    public RateLimitFilter(RateLimitProperties properties, Clock clock, MeterRegistry meters) {
        this.limits = properties.enabled()
                ? properties.limits().entrySet().stream()
                        .filter(limit -> limit.getValue().active())
                        .map(limit -> new RateLimit(limit.getKey(), limit.getValue(), properties.maxKeys(), clock))
                        .toList()
                : List.of();
        this.throttled = limits.stream()
                .collect(Collectors.toUnmodifiableMap(
                        RateLimit::name,
                        limit -> Counter.builder(THROTTLED_METRIC)
                                .description("Requests answered 429 by a rate limit")
                                .tag("limit", limit.name())
                                .register(meters)));
        limits.forEach(limit -> Gauge.builder(KEYS_METRIC, limit, RateLimit::trackedKeys)
                .description("Client addresses or callers a rate limit keeps a bucket for")
                .tag("limit", limit.name())
                .register(meters));
    }

    /** The names of the limits in force, in the order they are checked. */
    public List<String> limitNames() {
        return limits.stream().map(RateLimit::name).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (RateLimit limit : limits) {
            if (!limit.appliesTo(request)) {
                continue;
            }
            ConsumptionProbe probe = limit.take(limit.key().of(request));
            if (!probe.isConsumed()) {
                reject(request, response, limit, retryAfterSeconds(probe));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Whole seconds until a permit is there, rounded up, at least 1. */
    static long retryAfterSeconds(ConsumptionProbe probe) {
        long nanos = probe.getNanosToWaitForRefill();
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, RateLimit limit, long retryAfter)
            throws IOException {
        throttled.get(limit.name()).increment();
        ProblemDetail problem = Problems.problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-requests",
                "Too many requests",
                "The rate limit '" + limit.name() + "' allows " + limit.permits() + " requests per "
                        + words(limit.period()) + " for each " + limit.key().describe() + "; try again in "
                        + retryAfter + (retryAfter == 1 ? " second." : " seconds."));
        problem.setProperty("limit", limit.name());
        problem.setProperty("retryAfter", retryAfter);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        Problems.write(request, response, problem);
    }

    /** {@code minute}, {@code 10 seconds}, {@code 250 ms}: a period in words, after "per". */
    static String words(Duration period) {
        if (period.toMillis() % 1000 != 0) {
            return period.toMillis() + " ms";
        }
        long seconds = period.toSeconds();
        if (seconds % 3600 == 0) {
            return count(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return count(seconds / 60, "minute");
        }
        return count(seconds, "second");
    }

    private static String count(long n, String unit) {
        return n == 1 ? unit : n + " " + unit + "s";
    }
}
