package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** A store whose changes are numbered; a commit makes every change applied before it began durable. */
    private final AtomicLong applied = new AtomicLong();

    private final AtomicLong durable = new AtomicLong();
    private final AtomicInteger commits = new AtomicInteger();
    private final CountDownLatch firstCommitStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstCommit = new CountDownLatch(1);
    private volatile boolean holdFirstCommit;

    private final GroupCommit group = new GroupCommit(
            () -> {
                long upTo = applied.get();
                if (commits.incrementAndGet() == 1 && holdFirstCommit) {
                    firstCommitStarted.countDown();
                    awaitQuietly(releaseFirstCommit);
                }
                durable.accumulateAndGet(upTo, Math::max);
            },
            () -> durable.get() < applied.get());

    @Test
    void repliesOnlyAfterEveryChangeBeforeThemIsDurable() throws Exception {
        int commands = 400;
        ConcurrentLinkedQueue<String> early = new ConcurrentLinkedQueue<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<Object>> done = IntStream.range(0, commands)
                    .mapToObj(i -> clients.submit(() -> {
                        long mine = applied.incrementAndGet();
                        group.awaitCommitted();
                        if (durable.get() < mine) {
                            early.add("change " + mine + " replied at durable " + durable.get());
                        }
                        return null;
                    }))
                    .toList();
            for (Future<Object> command : done) {
                command.get();
            }
        }

        assertThat(early).as("replies sent before their change was committed").isEmpty();
        assertThat(durable).hasValue(commands);
    }

    @Test
    void oneCommitServesEveryCommandThatArrivedDuringThePreviousOne() throws Exception {
        holdFirstCommit = true;
        Thread leader = Thread.ofPlatform().start(this::changeAndAwait);
        firstCommitStarted.await();
        List<Thread> followers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            followers.add(Thread.ofPlatform().start(this::changeAndAwait));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> group.requested() == 6);

        releaseFirstCommit.countDown();
        leader.join();
        for (Thread follower : followers) {
            follower.join();
        }

        assertThat(commits)
                .as("the held commit, then one for all five followers")
                .hasValue(2);
        assertThat(durable).hasValue(6);
    }

    @Test
    void aCommandThatFindsNothingUnsavedCommitsNothing() {
        applied.incrementAndGet();
        group.awaitCommitted();
        int afterWrite = commits.get();

        group.awaitCommitted();
        group.awaitCommitted();

        assertThat(afterWrite).isEqualTo(1);
        assertThat(commits.get()).as("commits after two reads of an idle store").isEqualTo(1);
    }

    private void changeAndAwait() {
        applied.incrementAndGet();
        group.awaitCommitted();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
