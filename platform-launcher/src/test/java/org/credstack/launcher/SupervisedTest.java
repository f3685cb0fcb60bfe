package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisedTest {

    @TempDir
    Path dir;

    final List<String> said = new CopyOnWriteArrayList<>();

    @Test
    void restartsAChildKilledWithSigkillAndSaysSo() throws Exception {
        Supervised child = sleeper();
        long firstPid = child.current().process().pid();

        assertThat(child.current().kill()).isEqualTo(137);

        await().atMost(Duration.ofSeconds(30)).until(() -> said.stream().anyMatch(l -> l.contains("restarted")));
        assertThat(child.restarts()).isEqualTo(1);
        assertThat(child.current().isAlive()).isTrue();
        assertThat(child.current().process().pid()).isNotEqualTo(firstPid);
        assertThat(said.getFirst()).startsWith("sleeper exited with status 137; restarting in 1 s");
        assertThat(Files.readString(dir.resolve("pids/sleeper.pid")).strip())
                .isEqualTo(String.valueOf(child.current().process().pid()));
        assertThat(said.get(1))
                .startsWith("sleeper restarted: ready after")
                .endsWith("pid " + child.current().process().pid());
        child.stop(Duration.ofSeconds(5));
    }

    @Test
    void restartsNothingOnceStopped() {
        Supervised child = sleeper();

        child.stop(Duration.ofSeconds(5));

        assertThat(child.current().isAlive()).isFalse();
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> child.restarts() == 0 && said.isEmpty());
    }

    @Test
    void keepsWaitingForARestartSlowerThanItsTimeoutAndSaysWhenItIsReady() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(true);
        Supervised child = new Supervised(
                "slow",
                dir.resolve("pids/slow.pid"),
                () -> ChildProcess.start("slow", List.of("sleep", "120"), dir.resolve("slow.log")),
                ready::get,
                Duration.ofMillis(300),
                said::add);
        ready.set(false);

        child.current().kill();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> said.stream().anyMatch(l -> l.startsWith("WARNING slow restarted but is not ready yet")));
        ready.set(true);

        await().atMost(Duration.ofSeconds(30)).until(() -> said.getLast().startsWith("slow restarted: ready after"));
        child.stop(Duration.ofSeconds(5));
    }

    private Supervised sleeper() {
        return new Supervised(
                "sleeper",
                dir.resolve("pids/sleeper.pid"),
                () -> ChildProcess.start("sleeper", List.of("sleep", "120"), dir.resolve("sleeper.log")),
                () -> true,
                Duration.ofSeconds(10),
                said::add);
    }
}
