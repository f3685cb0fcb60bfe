package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** A store whose changes are numbered; a commit makes every change applied so far durable. */
    private final AtomicLong applied = new AtomicLong();

    private final AtomicLong durable = new AtomicLong();
    private final AtomicInteger commits = new AtomicInteger();

    private final GroupCommit group = new GroupCommit(
            () -> {
                commits.incrementAndGet();
                long upTo = applied.get();
                pause();
                durable.accumulateAndGet(upTo, Math::max);
            },
            () -> durable.get() < applied.get());

    @Test
    void repliesOnlyAfterEveryChangeBeforeThemIsDurable() throws Exception {
        int commands = 400;
        ConcurrentLinkedQueue<String> early = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<Object>> done = IntStream.range(0, commands)
                    .mapToObj(i -> clients.submit(() -> {
                        start.await();
                        long mine = applied.incrementAndGet();
                        group.awaitCommitted();
                        if (durable.get() < mine) {
                            early.add("change " + mine + " replied at durable " + durable.get());
                        }
                        return null;
                    }))
                    .toList();
            start.countDown();
            for (Future<Object> command : done) {
                command.get();
            }
        }

        assertThat(early).as("replies sent before their change was committed").isEmpty();
        assertThat(commits.get())
                .as("commits for %d concurrent changes", commands)
                .isLessThan(commands);
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

    private static void pause() {
        try {
            Thread.sleep(1); // a chunk write takes time; this lets changes of other threads pile up behind it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
