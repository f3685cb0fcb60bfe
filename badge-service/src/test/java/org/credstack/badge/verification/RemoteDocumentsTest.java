package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.signing.Ed25519Keys;
import org.credstack.badge.signing.Multikey;
import org.credstack.badge.verification.DocumentUnavailableException.Reason;
import org.credstack.runtime.resilience.OutboundCallProperties;
import org.credstack.runtime.resilience.OutboundCalls;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.node.ObjectNode;

/**
 * The verifier's HTTP client against an HTTP server in this JVM (so {@code allow-http} and {@code
 * allow-private-hosts} are on): size limit, timeout, cache, breaker, redirects.
 */
class RemoteDocumentsTest {

    static final String DOCUMENT = "{\"id\":\"https://issuer.example/issuers/1\",\"name\":\"An issuer\"}";

    static final KeyPair KEY = Ed25519Keys.generate();
    static final String MULTIKEY = Multikey.encode(KEY.getPublic());

    final TestClock clock = new TestClock(Instant.parse("2026-12-07T12:00:00Z"));
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    final CountDownLatch release = new CountDownLatch(1);
    final ExecutorService threads = Executors.newCachedThreadPool();
    HttpServer server;
    RemoteDocuments documents;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        serve("/doc", 200, DOCUMENT, Map.of());
        serve("/short-lived", 200, DOCUMENT, Map.of("Cache-Control", "max-age=10"));
        serve("/no-store", 200, DOCUMENT, Map.of("Cache-Control", "no-store"));
        serve("/large", 200, "{\"pad\":\"" + "x".repeat(2_000) + "\"}", Map.of());
        serve("/missing", 404, "{}", Map.of());
        serve("/failing", 503, "{}", Map.of());
        serve("/not-json", 200, "<html></html>", Map.of());
        serve("/moved", 302, "", Map.of("Location", "/doc"));
        serve("/to-a-file", 302, "", Map.of("Location", "file:///etc/passwd"));
        serve("/loop", 302, "", Map.of("Location", "/loop"));
        server.createContext("/issuers/1", exchange -> {
            count(exchange);
            String id = url("/issuers/1").toString();
            String body = "{\"id\":\"" + id + "\",\"verificationMethod\":[{\"id\":\"" + id + "#key-1\","
                    + "\"type\":\"Multikey\",\"controller\":\"" + id + "\",\"publicKeyMultibase\":\""
                    + MULTIKEY + "\"}],\"assertionMethod\":[\"#key-1\"]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/chunked-large", exchange -> {
            count(exchange);
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write("x".repeat(100).getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the client hung up once it had read enough
            }
        });
        server.createContext("/slow", exchange -> {
            count(exchange);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        documents = documents(1);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    RemoteDocuments documents(int maxAttempts) {
        VerificationProperties settings = new VerificationProperties(
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                DataSize.ofKilobytes(1),
                Duration.ofMinutes(5),
                DataSize.ofMegabytes(1),
                2,
                true,
                true);
        OutboundCallProperties.Call call = new OutboundCallProperties.Call(
                4,
                2,
                50f,
                Duration.ofSeconds(30),
                1,
                maxAttempts,
                Duration.ofMillis(1),
                1.0,
                Duration.ofMillis(1),
                List.of());
        OutboundCalls calls = new OutboundCalls(
                new OutboundCallProperties(Map.of(OutboundCalls.VERIFICATION_DOCUMENTS, call)), clock);
        return new RemoteDocuments(settings, calls, clock);
    }

    void serve(String path, int status, String body, Map<String, String> headers) {
        server.createContext(path, exchange -> {
            count(exchange);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            headers.forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    void count(HttpExchange exchange) {
        requests.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger())
                .incrementAndGet();
    }

    int requestsTo(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    Reason failure(String path) {
        return catchThrowableOfType(DocumentUnavailableException.class, () -> documents.document(url(path)))
                .reason();
    }

    @Test
    void fetchesADocumentOnceAndServesItFromTheCacheUntilItsTtl() {
        ObjectNode first = documents.document(url("/doc"));
        first.put("name", "changed by a caller");
        ObjectNode second = documents.document(url("/doc"));

        assertThat(second.get("name").asString()).isEqualTo("An issuer");
        assertThat(requestsTo("/doc")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        documents.document(url("/doc"));

        assertThat(requestsTo("/doc")).isEqualTo(2);
    }

    @Test
    void aShorterMaxAgeWinsAndNoStoreIsNotCached() {
        documents.document(url("/short-lived"));
        clock.advance(Duration.ofSeconds(9));
        documents.document(url("/short-lived"));
        assertThat(requestsTo("/short-lived")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        documents.document(url("/short-lived"));
        assertThat(requestsTo("/short-lived")).isEqualTo(2);

        documents.document(url("/no-store"));
        documents.document(url("/no-store"));
        assertThat(requestsTo("/no-store")).isEqualTo(2);
    }

    @Test
    void refusesADocumentOverTheSizeLimitDeclaredOrNot() {
        assertThat(failure("/large")).isEqualTo(Reason.TOO_LARGE);
        assertThat(failure("/chunked-large")).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void givesUpOnAServerThatDoesNotAnswerInTime() {
        assertThat(failure("/slow")).isEqualTo(Reason.TIMEOUT);
    }

    @Test
    void namesMissingAndUnreadableDocuments() {
        assertThat(failure("/missing")).isEqualTo(Reason.NOT_FOUND);
        assertThat(failure("/not-json")).isEqualTo(Reason.NOT_JSON);
    }

    @Test
    void opensTheBreakerOnFailuresAndThenFetchesNothing() {
        assertThat(failure("/failing")).isEqualTo(Reason.UNREACHABLE);
        assertThat(failure("/failing")).isEqualTo(Reason.UNREACHABLE);

        assertThat(failure("/doc")).isEqualTo(Reason.BREAKER_OPEN);
        assertThat(requestsTo("/failing")).isEqualTo(2);
        assertThat(requestsTo("/doc")).isZero();

        clock.advance(Duration.ofSeconds(31));
        assertThat(documents.document(url("/doc")).get("name").asString()).isEqualTo("An issuer");
    }

    @Test
    void aMissingDocumentIsAnAnswerNotAFailureOfTheServer() {
        for (int i = 0; i < 4; i++) {
            assertThat(failure("/missing")).isEqualTo(Reason.NOT_FOUND);
        }

        assertThat(documents.document(url("/doc")).get("name").asString()).isEqualTo("An issuer");
    }

    @Test
    void retriesAFailedAttemptThroughTheRetryOfItsName() {
        RemoteDocuments retrying = documents(2);

        DocumentUnavailableException failed =
                catchThrowableOfType(DocumentUnavailableException.class, () -> retrying.document(url("/failing")));

        assertThat(failed.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(failed.getMessage()).contains("answered 503");

        assertThat(requestsTo("/failing")).isEqualTo(2);
    }

    @Test
    void followsARedirectButChecksWhereItLeads() {
        assertThat(documents.document(url("/moved")).get("name").asString()).isEqualTo("An issuer");
        assertThat(failure("/to-a-file")).isEqualTo(Reason.REFUSED_SCHEME);
        assertThat(failure("/loop")).isEqualTo(Reason.UNREACHABLE);
        assertThat(requestsTo("/loop")).isEqualTo(3);
    }

    @Test
    void refusesTheLocalServerWhenPrivateHostsAreNotAllowed() {
        RemoteDocuments production = new RemoteDocuments(
                VerificationProperties.defaults(),
                new OutboundCalls(new OutboundCallProperties(Map.of()), clock),
                clock);

        DocumentUnavailableException refused = catchThrowableOfType(
                DocumentUnavailableException.class,
                () -> production.document(
                        URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/doc")));

        assertThat(refused.reason()).isEqualTo(Reason.REFUSED_ADDRESS);
        assertThat(requestsTo("/doc")).isZero();
    }

    @Test
    void resolvesAVerificationMethodFromAControllerDocumentServedOverHttp() {
        VerificationMethods methods =
                new VerificationMethods(mock(Issuers.class), "https://badges.credstack.example/", documents);

        KeyResolution resolution = methods.resolve(url("/issuers/1") + "#key-1");

        assertThat(resolution).isInstanceOf(KeyResolution.Found.class);
        assertThat(((KeyResolution.Found) resolution).key().publicKey()).isEqualTo(KEY.getPublic());
        assertThat(requestsTo("/issuers/1")).isEqualTo(1);
    }
}
