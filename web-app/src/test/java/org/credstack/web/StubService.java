package org.credstack.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for catalog-service or badge-service on a free local port: answers each path, or path and query, with
 * what a test set (404 problem for anything else) and records every request's path and query.
 */
public final class StubService {

    private record Answer(int status, String contentType, byte[] body, Map<String, String> headers, Duration delay) {

        Answer(int status, String contentType, String body, Duration delay) {
            this(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of(), delay);
        }
    }

    /**
     * A request as it arrived.
     *
     * @param method the HTTP method
     * @param target {@code path?query}
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param body the body as text (empty for none)
     */
    public record Request(String method, String target, String authorization, String body) {}

    /**
     * A request's body as it arrived, for bodies that are not text (a baked image).
     *
     * @param target {@code path?query}
     * @param contentType the {@code Content-Type} header, or {@code null}
     * @param traceparent the W3C {@code traceparent} header, or {@code null}
     * @param bytes the body's bytes
     */
    public record Body(String target, String contentType, String traceparent, byte[] bytes) {}

    private static final Answer NOT_FOUND =
            new Answer(404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}", Duration.ZERO);

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final List<String> traceparents = new CopyOnWriteArrayList<>();
    private final List<Body> bodies = new CopyOnWriteArrayList<>();

    private StubService(HttpServer server) {
        this.server = server;
    }

    /** Starts a stub on a free port. */
    public static StubService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            StubService stub = new StubService(server);
            server.createContext("/", exchange -> {
                URI uri = exchange.getRequestURI();
                String target = uri.getRawQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getRawQuery();
                stub.requests.add(target);
                String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
                if (traceparent != null) {
                    stub.traceparents.add(traceparent);
                }
                byte[] requestBytes = exchange.getRequestBody().readAllBytes();
                stub.bodies.add(new Body(
                        target, exchange.getRequestHeaders().getFirst("Content-Type"), traceparent, requestBytes));
                String requestBody = new String(requestBytes, StandardCharsets.UTF_8);
                stub.received.add(new Request(
                        exchange.getRequestMethod(),
                        target,
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        requestBody));
                Answer answer = stub.answers.get(uri.getPath() + " " + requestBody);
                if (answer == null) {
                    answer = stub.answers.getOrDefault(
                            exchange.getRequestMethod() + " " + uri.getPath(),
                            stub.answers.getOrDefault(
                                    uri.getPath() + "?" + uri.getRawQuery(),
                                    stub.answers.getOrDefault(uri.getPath(), NOT_FOUND)));
                }
                try {
                    Thread.sleep(answer.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = answer.body();
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
                answer.headers().forEach(exchange.getResponseHeaders()::add);
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A URL where nothing listens: connections are refused, as when a service is stopped. */
    public static URI refusing() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://localhost:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers {@code GET path} with 200 JSON; {@code path} may end in {@code ?query} (as encoded on the wire), which
     * then wins over the same path without it.
     */
    public StubService json(String path, String body) {
        return answer(path, 200, "application/json", body);
    }

    /** Answers {@code GET path} with this status, type and body. */
    public StubService answer(String path, int status, String contentType, String body) {
        answers.put(path, new Answer(status, contentType, body, Duration.ZERO));
        return this;
    }

    /** Answers {@code GET path} with 200, this type, these bytes and these further headers (a download). */
    public StubService bytes(String path, String contentType, byte[] body, Map<String, String> headers) {
        answers.put(path, new Answer(200, contentType, body, Map.copyOf(headers), Duration.ZERO));
        return this;
    }

    /** Answers {@code method path} only (e.g. {@code POST}), before any answer set for every method of the path. */
    public StubService answer(String method, String path, int status, String contentType, String body) {
        answers.put(method + " " + path, new Answer(status, contentType, body, Duration.ZERO));
        return this;
    }

    /** Answers a request to {@code path} whose body is exactly {@code requestBody} (before any answer by path). */
    public StubService answerTo(String path, String requestBody, int status, String contentType, String body) {
        answers.put(path + " " + requestBody, new Answer(status, contentType, body, Duration.ZERO));
        return this;
    }

    /** Answers {@code GET path} with 200 JSON after {@code delay}: a service too slow to wait for. */
    public StubService slow(String path, Duration delay, String body) {
        answers.put(path, new Answer(200, "application/json", body, delay));
        return this;
    }

    /** Every request so far, with its method, {@code Authorization} header and body. */
    public List<Request> received() {
        return List.copyOf(received);
    }

    /** Every request's body so far, as bytes with its {@code Content-Type}. */
    public List<Body> bodies() {
        return List.copyOf(bodies);
    }

    /** The W3C {@code traceparent} header of every request so far that had one. */
    public List<String> traceparents() {
        return List.copyOf(traceparents);
    }

    /** Every request so far, {@code path?query} as it arrived. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }
}
