package org.credstack.launcher;

import java.lang.instrument.Instrumentation;

/**
 * Ends the current JVM when the process that started it ends, so a killed launcher leaves no
 * orphaned broker, store or service behind.
 *
 * <p>The infrastructure main classes call {@link #exitWhenParentDies()} themselves; the services,
 * which are plain Spring Boot jars, get it as a Java agent ({@code -javaagent:<jar>}, see
 * {@link AgentJar}). This class must stay free of nested classes: the agent jar holds only this
 * one class file.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {}

    /**
     * Watches the parent process and calls {@link System#exit(int)} with status 0 once it has
     * ended, which runs the JVM's shutdown hooks (Kafka's controlled shutdown, the store's close).
     * Does nothing when the process has no parent any more.
     */
    public static void exitWhenParentDies() {
        ProcessHandle.current()
                .parent()
                .ifPresent(parent -> parent.onExit().thenRun(() -> {
                    System.err.println("parent process " + parent.pid() + " ended; exiting");
                    System.exit(0);
                }));
    }

    /**
     * Java agent entry point: {@code -javaagent:parent-watchdog.jar}.
     *
     * @param agentArgs ignored
     * @param instrumentation ignored
     */
    public static void premain(String agentArgs, Instrumentation instrumentation) {
        exitWhenParentDies();
    }
}
