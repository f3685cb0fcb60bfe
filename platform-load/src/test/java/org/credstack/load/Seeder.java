package org.credstack.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.credstack.load.PlatformClient.Enrolled;

/**
 * Registers and enrolls many learners with a fixed number of requests in flight (there is no batch endpoint for
 * learners or enrollments), and says how long it took.
 */
final class Seeder {

    private final PlatformClient platform;
    private final int concurrency;

    Seeder(PlatformClient platform, int concurrency) {
        this.platform = platform;
        this.concurrency = concurrency;
    }

    /**
     * What a seeding step stored.
     *
     * @param learners in the order of their handles {@code <prefix>-0 … <prefix>-(n-1)}
     * @param took wall-clock time of the step
     */
    record Seeded(List<Enrolled> learners, Duration took) {

        double perSecond() {
            return learners.isEmpty() ? 0 : learners.size() * 1e9 / took.toNanos();
        }
    }

    /**
     * Registers {@code count} learners named {@code <prefix>-<i>}, each enrolled in {@code credentialId}; prints
     * progress every tenth.
     *
     * @throws IllegalStateException on the first refused request (the others in flight still finish)
     */
    Seeded seed(String prefix, int count, String credentialId) {
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        int tenth = Math.max(1, count / 10);
        List<Future<Enrolled>> futures = new ArrayList<>(count);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            for (int i = 0; i < count; i++) {
                String handle = prefix + "-" + i;
                futures.add(pool.submit(() -> {
                    Enrolled enrolled = platform.registerAndEnroll(handle, credentialId);
                    int n = done.incrementAndGet();
                    if (n % tenth == 0) {
                        System.out.printf(
                                "  seeded %d of %d %s learners (%.0f s)%n",
                                n, count, prefix, (System.nanoTime() - start) / 1e9);
                    }
                    return enrolled;
                }));
            }
            List<Enrolled> learners = new ArrayList<>(count);
            for (Future<Enrolled> future : futures) {
                learners.add(future.get());
            }
            return new Seeded(List.copyOf(learners), Duration.ofNanos(System.nanoTime() - start));
        } catch (ExecutionException e) {
            throw new IllegalStateException("seeding " + prefix + " learners failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
