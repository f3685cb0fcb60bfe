package org.credstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the launcher, its standard output and error going to a log file.
 *
 * @param name short name used in messages, e.g. {@code kafka}
 * @param process the running process
 * @param log the file that receives the child's stdout and stderr, appended to after a {@code ---- started
 *     <time>} line, so the previous run's output stays
 */
public record ChildProcess(String name, Process process, Path log) {

    /**
     * Starts {@code java <jvm options> -cp <the current JVM's class path> <main class> <args>} with
     * the JDK that runs the current JVM.
     *
     * @param jvmOptions e.g. {@code -Xmx128m}
     * @throws UncheckedIOException if the log file cannot be created or the JVM not started
     */
    public static ChildProcess startJava(
            String name, List<String> jvmOptions, Class<?> mainClass, List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return start(name, command, log);
    }

    /**
     * Starts {@code command} with stdin closed and stdout and stderr going to {@code log}.
     *
     * @throws UncheckedIOException if the log file cannot be created or the process not started
     */
    public static ChildProcess start(String name, List<String> command, Path log) {
        return start(name, command, Map.of(), log);
    }

    /**
     * Starts {@code command} like {@link #start(String, List, Path)}, with {@code environment} added to (and
     * overriding) the launcher's own environment.
     *
     * @throws UncheckedIOException if the log file cannot be created or the process not started
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(
                    log,
                    "---- started " + Instant.now() + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** The {@code java} launcher of the JDK that runs the current JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Asks the process to stop (SIGTERM, so its shutdown hooks run) and waits up to {@code grace}
     * before killing it (SIGKILL).
     *
     * @return the exit status (143 for SIGTERM, 137 for SIGKILL)
     */
    public int stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Kills the process at once (SIGKILL: no shutdown hooks) and waits for it to end.
     *
     * @return the exit status (137)
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
