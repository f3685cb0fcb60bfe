package org.credstack.badge.verification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credstack.badge.verification.DocumentUnavailableException.Reason;
import org.credstack.runtime.resilience.OutboundCalls;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one HTTP client of the verifier: fetches a JSON document (a controller document, a status list credential) by
 * URL with a GET, as configured in {@link VerificationProperties}:
 *
 * <ul>
 *   <li>each URL, and each redirect target, passes the {@link AddressGuard} first (https only, public addresses
 *       only); at most {@code max-redirects} redirects;
 *   <li>{@code connect-timeout} to connect, {@code read-timeout} for the whole response; a body over {@code
 *       max-document-size} is refused while it is read;
 *   <li>each request runs through the circuit breaker and retry {@value OutboundCalls#VERIFICATION_DOCUMENTS}
 *       ({@code credstack.resilience.calls.verification-documents.*}): a timeout, a refused connection or a 5xx
 *       counts against the breaker; a 404, a refused address or a document too large does not (the far side is
 *       up, the document is not usable);
 *   <li>documents are cached for {@code cache-ttl} (shorter if {@code Cache-Control: max-age} says so, not at all
 *       with {@code no-store} or {@code no-cache}), up to {@code cache-size} bytes; failures are not cached.
 * </ul>
 *
 * <p>Every failure is a {@link DocumentUnavailableException} with its {@link Reason}. Thread-safe.
 */
public final class RemoteDocuments implements DocumentSource {

    private static final String ACCEPT = "application/did+json, application/did+ld+json, application/ld+json, "
            + "application/vc+ld+json, application/json;q=0.9";
    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d{1,9})");

    private final VerificationProperties settings;
    private final AddressGuard guard;
    private final OutboundCalls calls;
    private final HttpClient http;
    private final Cache<URI, Cached> cache;

    /**
     * @param settings timeouts, limits, cache and guard settings
     * @param calls the service's breakers and retries
     * @param clock the service's clock, for the cache's expiry
     */
    public RemoteDocuments(VerificationProperties settings, OutboundCalls calls, Clock clock) {
        this(settings, calls, clock, InetAddress::getAllByName);
    }

    RemoteDocuments(
            VerificationProperties settings, OutboundCalls calls, Clock clock, AddressGuard.HostResolver resolver) {
        this.settings = settings;
        this.guard = new AddressGuard(settings.allowHttp(), settings.allowPrivateHosts(), resolver);
        this.calls = calls;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.cache = Caffeine.newBuilder()
                .maximumWeight(settings.cacheSize().toBytes())
                .weigher((URI url, Cached cached) -> cached.bytes())
                .expireAfter(Expiry.creating((URI url, Cached cached) -> cached.keepFor()))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    @Override
    public ObjectNode document(URI url) {
        Cached hit = cache.getIfPresent(url);
        if (hit != null) {
            return hit.json().deepCopy();
        }
        URI at = url;
        for (int redirects = 0; ; redirects++) {
            guard.check(at);
            Exchange exchange = exchange(at);
            if (exchange.location().isPresent()) {
                if (redirects >= settings.maxRedirects()) {
                    throw new DocumentUnavailableException(
                            url, Reason.UNREACHABLE, "more than " + settings.maxRedirects() + " redirects");
                }
                at = at.resolve(exchange.location().get());
                continue;
            }
            ObjectNode json = json(url, exchange);
            Duration keepFor = keepFor(exchange.cacheControl());
            if (keepFor.isPositive()) {
                cache.put(url, new Cached(json, exchange.body().length, keepFor));
            }
            return json.deepCopy();
        }
    }

    private Exchange exchange(URI url) {
        try {
            return calls.call(OutboundCalls.VERIFICATION_DOCUMENTS, () -> attempt(url));
        } catch (CallNotPermittedException e) {
            throw new DocumentUnavailableException(url, Reason.BREAKER_OPEN, null);
        } catch (TimeoutException | HttpTimeoutException e) {
            throw new DocumentUnavailableException(url, Reason.TIMEOUT, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentUnavailableException(url, Reason.UNREACHABLE, "interrupted");
        } catch (DocumentUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new DocumentUnavailableException(url, Reason.UNREACHABLE, e.getMessage());
        }
    }

    /** One GET; a failure of the far side (timeout, connection, 5xx) is thrown for the breaker and the retry. */
    private Exchange attempt(URI url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.readTimeout())
                .header("Accept", ACCEPT)
                .GET()
                .build();
        long limit = settings.maxDocumentSize().toBytes();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(
                request,
                info -> new LimitedBody(
                        limit, info.headers().firstValueAsLong("Content-Length").orElse(-1)));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(
                    settings.connectTimeout().plus(settings.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new IOException("answered " + status);
        }
        Optional<String> location =
                status >= 300 && status < 400 ? response.headers().firstValue("Location") : Optional.empty();
        return new Exchange(
                status,
                location.map(URI::create),
                response.headers().firstValue("Cache-Control").orElse(""),
                response.body());
    }

    private static ObjectNode json(URI url, Exchange exchange) {
        if (exchange.status() == 404 || exchange.status() == 410) {
            throw new DocumentUnavailableException(url, Reason.NOT_FOUND, "HTTP " + exchange.status());
        }
        if (exchange.status() != 200) {
            throw new DocumentUnavailableException(url, Reason.UNREACHABLE, "HTTP " + exchange.status());
        }
        if (exchange.body() == null) {
            throw new DocumentUnavailableException(url, Reason.TOO_LARGE, null);
        }
        try {
            JsonNode json = JsonMapper.shared().readTree(exchange.body());
            if (json instanceof ObjectNode object) {
                return object;
            }
        } catch (JacksonException e) {
            // below: not JSON
        }
        throw new DocumentUnavailableException(url, Reason.NOT_JSON, null);
    }

    private Duration keepFor(String cacheControl) {
        String directives = cacheControl.toLowerCase(Locale.ROOT);
        if (directives.contains("no-store") || directives.contains("no-cache")) {
            return Duration.ZERO;
        }
        Matcher maxAge = MAX_AGE.matcher(directives);
        if (maxAge.find()) {
            Duration declared = Duration.ofSeconds(Long.parseLong(maxAge.group(1)));
            return declared.compareTo(settings.cacheTtl()) < 0 ? declared : settings.cacheTtl();
        }
        return settings.cacheTtl();
    }

    /** A response: status, redirect target, {@code Cache-Control}, and the body ({@code null}: over the limit). */
    private record Exchange(int status, Optional<URI> location, String cacheControl, byte[] body) {}

    private record Cached(ObjectNode json, int bytes, Duration keepFor) {}

    /**
     * Reads a body up to {@code limit} bytes; past it, or when {@code Content-Length} already says so, it stops
     * reading (the connection is dropped) and the body is {@code null}.
     */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long limit;
        private final long declared;
        private final ByteArrayOutputStream read = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(long limit, long declared) {
            this.limit = limit;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declared > limit) {
                subscription.cancel();
                body.complete(null);
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (read.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    body.complete(null);
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                read.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(read.toByteArray());
        }
    }
}
