package org.credstack.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Readiness checks that wait for a child to accept connections or report healthy. */
final class Probes {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Probes() {}

    /** Whether something accepts TCP connections on {@code localhost:port} (within one second). */
    static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The HTTP status of {@code GET url} (for actuator health: 200 when UP, 503 when DOWN), or 0
     * when nothing answers within five seconds.
     */
    static int httpStatus(URI url) {
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Polls {@code ready} every 200 ms until it holds.
     *
     * @param child the process that should get ready; waiting stops early when it exits
     * @param timeout how long to wait at most
     * @throws IllegalStateException naming the child and its log if it exited or the timeout passed
     * @throws InterruptedException if the waiting thread is interrupted
     */
    static void await(ChildProcess child, BooleanSupplier ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new IllegalStateException(
                        child.name() + " exited with status " + child.process().exitValue() + "; see " + child.log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        child.name() + " not ready after " + timeout.toSeconds() + " s; see " + child.log());
            }
            Thread.sleep(POLL_INTERVAL);
        }
    }
}
