package org.credstack.runtime.security;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.time.Duration;
import org.credstack.runtime.resilience.OutboundCalls;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

/**
 * The HTTP client that fetches the identity provider's JWKS and OpenID Connect discovery document for the {@link
 * TokenDecoder}: 2 s to connect, 5 s to read, and every request through the retry and circuit breaker {@value
 * OutboundCalls#JWKS} ({@code credstack.resilience.calls.jwks.*}). A refused connection, a timeout or a 5xx is a
 * failure; while the breaker is open no request is made and tokens whose keys are not cached are refused (401)
 * at once instead of every request waiting on a provider that is down.
 */
final class JwksClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private JwksClient() {}

    /** A client whose requests go through {@code calls}' {@value OutboundCalls#JWKS} breaker and retry. */
    static RestTemplate through(OutboundCalls calls) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(CONNECT_TIMEOUT);
        factory.setReadTimeout(READ_TIMEOUT);
        RestTemplate rest = new RestTemplate(factory);
        rest.getInterceptors().add((request, body, execution) -> {
            try {
                return calls.call(OutboundCalls.JWKS, () -> answered(execution.execute(request, body)));
            } catch (CallNotPermittedException e) {
                throw new IOException("not fetched, the identity provider is failing: " + e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        return rest;
    }

    /** The response, unless it is a 5xx: then a failure for the retry and the breaker. */
    private static ClientHttpResponse answered(ClientHttpResponse response) throws IOException {
        if (response.getStatusCode().is5xxServerError()) {
            int status = response.getStatusCode().value();
            response.close();
            throw new IOException("the identity provider answered " + status);
        }
        return response;
    }
}
