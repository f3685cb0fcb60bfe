package org.credstack.runtime.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One named limit (see {@link RateLimitProperties.Limit}): which requests it counts, what it counts them by, and a
 * token bucket (Bucket4j) per key, all on the service's injected {@link Clock}.
 *
 * <p>The buckets live in a Caffeine map bounded to {@code maxKeys} entries; a bucket not used for one {@code
 * period} is dropped, which loses nothing, since by then it has refilled completely. Cache maintenance runs on
 * the calling thread, not a pool.
 */
final class RateLimit {

    private final String name;
    private final List<PathPattern> paths;
    private final Set<String> methods;
    private final RateLimitKey key;
    private final int permits;
    private final Duration period;
    private final Bandwidth bandwidth;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    RateLimit(String name, RateLimitProperties.Limit limit, int maxKeys, Clock clock) {
        this.name = name;
        this.paths = limit.paths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.methods = limit.methods().stream()
                .map(method -> method.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.key = limit.key();
        this.permits = limit.permits();
        this.period = limit.period();
        if (period.toMillis() < 1) {
            throw new IllegalArgumentException(
                    "credstack.rate-limits.limits." + name + ".period must be at least 1ms, not " + period);
        }
        this.bandwidth = Bandwidth.builder()
                .capacity(permits)
                .refillGreedy(permits, period)
                .build();
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(period)
                .ticker(time::currentTimeNanos)
                .executor(Runnable::run)
                .build();
    }

    String name() {
        return name;
    }

    RateLimitKey key() {
        return key;
    }

    int permits() {
        return permits;
    }

    Duration period() {
        return period;
    }

    /** Whether this limit counts {@code request}: its method is one of {@code methods} and a path pattern matches. */
    boolean appliesTo(HttpServletRequest request) {
        if (!methods.isEmpty() && !methods.contains(request.getMethod())) {
            return false;
        }
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication();
        return paths.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** Takes one permit from the bucket of {@code key}, if it has one. */
    ConsumptionProbe take(String key) {
        return buckets.get(key, this::newBucket).tryConsumeAndReturnRemaining(1);
    }

    /** Keys that currently hold a bucket (after pending evictions), at most {@code maxKeys}. */
    long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket(String key) {
        return Bucket.builder()
                .addLimit(bandwidth)
                .withCustomTimePrecision(time)
                .build();
    }

    /** Nanoseconds since the epoch from the service clock, for Bucket4j and Caffeine alike. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
