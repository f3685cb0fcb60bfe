package org.credstack.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; the pause between polls is short and fixed. */
final class Deadline {

    private static final Duration PAUSE = Duration.ofMillis(500);

    private Deadline() {}

    /**
     * Asks {@code poll} until it answers, at most for {@code within}.
     *
     * @return the first answer, or empty when the deadline passed without one
     */
    static <T> Optional<T> await(Duration within, Supplier<Optional<T>> poll) {
        long end = System.nanoTime() + within.toNanos();
        while (true) {
            Optional<T> answer = poll.get();
            if (answer.isPresent() || System.nanoTime() - end > 0) {
                return answer;
            }
            try {
                Thread.sleep(PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * Like {@link #await} but a missed deadline is an error.
     *
     * @throws IllegalStateException "timed out after {within} waiting for {what}"
     */
    static <T> T require(String what, Duration within, Supplier<Optional<T>> poll) {
        return await(within, poll)
                .orElseThrow(() -> new IllegalStateException("timed out after " + within + " waiting for " + what));
    }
}
