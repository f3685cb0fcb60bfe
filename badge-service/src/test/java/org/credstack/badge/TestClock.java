package org.credstack.badge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A clock the tests set; replaces the service clock (import {@link Config}). */
public final class TestClock extends Clock {

    private volatile Instant instant;

    TestClock(Instant instant) {
        this.instant = instant;
    }

    /** Moves the clock to {@code instant}. */
    public void set(Instant instant) {
        this.instant = instant;
    }

    @Override
    public Instant instant() {
        return instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service clock is UTC");
    }

    /** Registers the test clock as the service's one {@link Clock}, starting at 2024-02-10T12:00:00Z. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        /** When every test starts. */
        public static final Instant START = Instant.parse("2024-02-10T12:00:00Z");

        @Bean
        TestClock testClock() {
            return new TestClock(START);
        }
    }
}
