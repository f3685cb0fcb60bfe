package org.credstack.badge;

import java.time.Instant;
import org.credstack.testsupport.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers a {@link TestClock} as the service's one {@link java.time.Clock}, starting at {@link #START}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    /** When every test starts. */
    public static final Instant START = Instant.parse("2024-02-10T12:00:00Z");

    @Bean
    TestClock testClock() {
        return new TestClock(START);
    }
}
