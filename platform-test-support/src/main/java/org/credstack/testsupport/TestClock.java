package org.credstack.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that stands still until a test moves it: the one test stand-in for a service's injected
 * {@link Clock} (docs/architecture.md, "Time"). Register it as a {@code @Primary} bean of a {@code @TestConfiguration}.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now;

    /** A clock standing at {@code start}. */
    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Moves the clock to {@code instant}, earlier or later (for a test that starts from a known time). */
    public void set(Instant instant) {
        now.set(instant);
    }

    /** Moves the clock forward by {@code by}. */
    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    /** Moves the clock to {@code to} if that is later than now (time never runs backwards this way). */
    public void advanceTo(Instant to) {
        now.updateAndGet(t -> to.isAfter(t) ? to : t);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** @throws UnsupportedOperationException always: services run on UTC */
    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service clock is UTC");
    }
}
