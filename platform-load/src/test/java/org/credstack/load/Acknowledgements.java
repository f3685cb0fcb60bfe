package org.credstack.load;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When each completion's statement was acknowledged (HTTP 200 from {@code POST /xapi/statements}), per enrollment
 * id, and the window in which statements were posted. Written by Gatling's threads, read once at the end.
 */
final class Acknowledgements {

    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
    private final AtomicInteger posted = new AtomicInteger();
    private final AtomicLong firstPostedAt = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastAcknowledgedAt = new AtomicLong();

    /** {@code statements} are about to be posted now. */
    void posting(int statements) {
        posted.addAndGet(statements);
        firstPostedAt.accumulateAndGet(System.currentTimeMillis(), Math::min);
    }

    /** The statements completing these enrollments were acknowledged now. */
    void acknowledged(Collection<String> enrollmentIds) {
        long now = System.currentTimeMillis();
        enrollmentIds.forEach(id -> acknowledgedAt.put(id, now));
        lastAcknowledgedAt.accumulateAndGet(now, Math::max);
    }

    /** Epoch ms per acknowledged enrollment id. */
    Map<String, Long> acknowledgedAt() {
        return acknowledgedAt;
    }

    int posted() {
        return posted.get();
    }

    /** Epoch ms of the first post, or {@link Long#MAX_VALUE} before any. */
    long firstPostedAt() {
        return firstPostedAt.get();
    }

    /** Epoch ms of the last acknowledgement, or 0 before any. */
    long lastAcknowledgedAt() {
        return lastAcknowledgedAt.get();
    }
}
