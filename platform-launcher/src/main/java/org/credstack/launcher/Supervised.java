package org.credstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A child the launcher keeps running: when its process exits while the launcher is not stopping, it is started again
 * after a {@link RestartBackoff} wait, and the launcher says so ("X exited with status S; restarting in N s", then
 * "X restarted: ready after ... pid P"); the current run's pid is in {@code <data dir>/pids/<name>.pid}. Kafka, the store and every service survive a {@code kill -9} this way; what
 * they had acknowledged is on disk, and the services reconnect to what restarted.
 */
final class Supervised {

    private final String name;
    private final Path pidFile;
    private final Supplier<ChildProcess> start;
    private final BooleanSupplier ready;
    private final Duration readyTimeout;
    private final Consumer<String> say;
    private final RestartBackoff backoff = new RestartBackoff();
    private ChildProcess current;
    private long startedAt;
    private boolean stopped;
    private int restarts;

    /**
     * Starts the child.
     *
     * @param pidFile where the current run's pid is written at each start (for scripts and the fault tests)
     * @param start starts one run of the child (called again for each restart)
     * @param ready whether a run is ready to serve (for the message after a restart)
     * @param readyTimeout how long a restarted run may take to get ready before the launcher warns
     * @param say where the launcher's messages go (its standard output)
     */
    Supervised(
            String name,
            Path pidFile,
            Supplier<ChildProcess> start,
            BooleanSupplier ready,
            Duration readyTimeout,
            Consumer<String> say) {
        this.name = name;
        this.pidFile = pidFile;
        this.start = start;
        this.ready = ready;
        this.readyTimeout = readyTimeout;
        this.say = say;
        run(start.get());
    }

    String name() {
        return name;
    }

    /** The child's current run. */
    synchronized ChildProcess current() {
        return current;
    }

    /** How many times the child has been restarted. */
    synchronized int restarts() {
        return restarts;
    }

    /** Stops the current run (SIGTERM, then SIGKILL after {@code grace}) and restarts nothing after it. */
    void stop(Duration grace) {
        lastRun().stop(grace);
    }

    /** Asks the current run to stop (SIGTERM) without waiting, and restarts nothing after it. */
    void requestStop() {
        lastRun().process().destroy();
    }

    /** Marks the child stopped, so its exit restarts nothing, and returns the run that is then the last. */
    private synchronized ChildProcess lastRun() {
        stopped = true;
        return current;
    }

    private synchronized void run(ChildProcess child) {
        current = child;
        startedAt = System.nanoTime();
        writePid(child);
        child.process()
                .onExit()
                .thenAccept(exited -> Thread.ofVirtual()
                        .name("restart-" + name)
                        .start(() -> restartAfter(child, exited.exitValue())));
    }

    private void restartAfter(ChildProcess exited, int status) {
        Duration wait;
        synchronized (this) {
            if (stopped || current != exited) {
                return;
            }
            wait = backoff.after(Duration.ofNanos(System.nanoTime() - startedAt));
        }
        say.accept(String.format(
                "%s exited with status %d; restarting in %d s (log %s)", name, status, wait.toSeconds(), exited.log()));
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long restartedAt = System.nanoTime();
        ChildProcess next;
        synchronized (this) {
            if (stopped) {
                return;
            }
            next = start.get();
            restarts++;
            run(next);
        }
        awaitReady(next, restartedAt);
    }

    /**
     * Says when a restarted run is ready; while it is not, warns every {@code readyTimeout}, until it is ready or
     * exits (its exit restarts it again). A stopped child is not waited for.
     */
    private void awaitReady(ChildProcess run, long restartedAt) {
        while (true) {
            try {
                Probes.await(run, ready, readyTimeout);
                say.accept(String.format(
                        "%s restarted: ready after %.1f s, pid %d",
                        name,
                        (System.nanoTime() - restartedAt) / 1e9,
                        run.process().pid()));
                return;
            } catch (IllegalStateException e) {
                synchronized (this) {
                    if (stopped || !run.isAlive()) {
                        return;
                    }
                }
                say.accept(String.format("WARNING %s restarted but is not ready yet: %s", name, e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writePid(ChildProcess child) {
        try {
            Files.createDirectories(pidFile.toAbsolutePath().getParent());
            Files.writeString(pidFile, child.process().pid() + System.lineSeparator());
        } catch (IOException e) {
            say.accept("WARNING cannot write " + pidFile + ": " + e.getMessage());
        }
    }
}
