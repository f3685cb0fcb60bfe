package org.credstack.demo;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The whole platform started by the launcher as a child process, as {@code ./credstack run} starts it: Kafka, the
 * store, GreenMail, the five service jars and the web app, every port moved up by {@code portOffset}, data in a fresh
 * {@code dataDir}. For the end-to-end tests, which each start their own.
 */
final class LaunchedPlatform {

    /**
     * How long the platform may take to start: 8 minutes (five services, Kafka and the store on two cores, a busy CI
     * machine slower still), or {@code -Dcredstack.e2e.startupMinutes=N}.
     */
    static final Duration STARTUP_DEADLINE = Duration.ofMinutes(Long.getLong("credstack.e2e.startupMinutes", 8));

    static final Duration STOP_GRACE = Duration.ofSeconds(60);

    static final int LOG_LINES = 60;

    private final Process launcher;
    private final Path dataDir;
    private final int portOffset;

    private LaunchedPlatform(Process launcher, Path dataDir, int portOffset) {
        this.launcher = launcher;
        this.dataDir = dataDir;
        this.portOffset = portOffset;
    }

    private static LaunchedPlatform shared;

    /**
     * The one platform of this test JVM, started by the first end-to-end test that asks for it (ports moved up by
     * {@code credstack.e2e.portOffset}, 20000 by default; data in {@code platform-e2e/target/e2e-platform}) and
     * stopped when the JVM ends: JourneyIT and BrowserJourneyIT share it, each with learners and staff of its own,
     * so the build starts the platform once.
     */
    static synchronized LaunchedPlatform shared(Path root) throws IOException {
        if (shared == null) {
            shared = start(
                    root,
                    root.resolve("platform-e2e/target/e2e-platform"),
                    Integer.getInteger("credstack.e2e.portOffset", 20000));
            LaunchedPlatform started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return shared;
    }

    /**
     * Empties {@code dataDir}, starts the launcher from the repository root {@code root} (its {@code target/classes}
     * and {@code target/lib}) and waits for its "CredStack is up:" line.
     *
     * @throws org.awaitility.core.ConditionTimeoutException when it is not up within {@link #STARTUP_DEADLINE}
     */
    static LaunchedPlatform start(Path root, Path dataDir, int portOffset) throws IOException {
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Path launcherLog = dataDir.resolve("launcher.log");
        Process launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        "platform-launcher/target/classes:platform-launcher/target/lib/*",
                        "org.credstack.launcher.Launcher",
                        "--data-dir=" + dataDir,
                        "--port-offset=" + portOffset)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(launcherLog.toFile())
                .start();
        LaunchedPlatform platform = new LaunchedPlatform(launcher, dataDir, portOffset);
        await("the launcher's \"CredStack is up:\"")
                .atMost(STARTUP_DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .failFast("the launcher exited", () -> !launcher.isAlive())
                .until(() -> platform.launcherLog().contains("CredStack is up:"));
        return platform;
    }

    /** The services' URLs. */
    PlatformUrls urls() {
        return PlatformUrls.local(portOffset);
    }

    /** The web app's URL: port 8090 plus the offset, on the loopback IP its sign-in is registered for. */
    URI web() {
        return URI.create("http://127.0.0.1:" + (8090 + portOffset));
    }

    Path dataDir() {
        return dataDir;
    }

    /** What every port is moved up by. */
    int portOffset() {
        return portOffset;
    }

    /** What the launcher printed so far. */
    String launcherLog() throws IOException {
        return Files.readString(dataDir.resolve("launcher.log"));
    }

    /** Stops the launcher (SIGTERM: it stops its children, then itself) and, after a minute, whatever is left. */
    void stop() throws InterruptedException {
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroy();
        if (!launcher.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Prints the last lines of the launcher's and each child's log (in {@code dataDir}), for a failed test. */
    static void printLogTails(Path dataDir) {
        if (dataDir == null || !Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> logs = Files.walk(dataDir, 2)) {
            for (Path log :
                    logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                System.out.printf(
                        "%n===== last %d lines of %s =====%n%s%n",
                        LOG_LINES,
                        log,
                        String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size())));
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("cannot print the platform logs: " + e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Prints the tails of the platform's logs when a test or the class's setup fails: register it as a static field,
     * {@code @RegisterExtension static final LogsOnFailure LOGS = new LogsOnFailure(() -> dataDir);}.
     */
    static final class LogsOnFailure
            implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

        private final Supplier<Path> dataDir;

        LogsOnFailure(Supplier<Path> dataDir) {
            this.dataDir = dataDir;
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            printLogTails(dataDir.get());
            throw failure;
        }

        @Override
        public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
                throws Throwable {
            printLogTails(dataDir.get());
            throw failure;
        }
    }
}
