package org.credstack.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.credstack.runtime.resilience.OutboundCallProperties;
import org.credstack.runtime.resilience.OutboundCalls;
import org.credstack.testsupport.TestClock;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** The JWKS fetch through the {@value OutboundCalls#JWKS} breaker: it opens on a failing provider, then recovers. */
class JwksClientTest {

    private final TestClock clock = new TestClock(Instant.parse("2027-01-01T00:00:00Z"));
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> jwks = new AtomicReference<>();
    private HttpServer provider;
    private OutboundCalls calls;
    private JwtDecoder decoder;

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/oauth2/jwks", exchange -> {
            requests.incrementAndGet();
            String body = jwks.get();
            byte[] bytes = (body == null ? "down" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 503 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        provider.start();
        OutboundCallProperties.Call jwksCall = new OutboundCallProperties.Call(
                2, 2, 50f, Duration.ofSeconds(30), 1, 2, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), List.of());
        calls = new OutboundCalls(new OutboundCallProperties(Map.of(OutboundCalls.JWKS, jwksCall)), clock);
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        jwt.setJwkSetUri("http://127.0.0.1:" + provider.getAddress().getPort() + "/oauth2/jwks");
        decoder = TokenDecoder.from(jwt, TokenDecoderTest.CLAIMS, JwksClient.through(calls), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void stopsAskingAFailingProviderOnceTheBreakerOpensThenAsksAgainAfterItsOpenPeriod() throws Exception {
        String token = TestTokens.learner("l-1");
        CircuitBreaker breaker = calls.breaker(OutboundCalls.JWKS);

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        assertThat(requests).as("tried twice").hasValue(2);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        assertThat(requests).as("not asked while open").hasValue(2);

        jwks.set(jwksOfTheTestKey(token));
        clock.advance(Duration.ofSeconds(31));

        assertThat(decoder.decode(token).getSubject()).isEqualTo("l-1");
        assertThat(requests).hasValue(3);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private static String jwksOfTheTestKey(String token) throws Exception {
        String pem = TestTokens.publicKeyPem()
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "");
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
        String kid = SignedJWT.parse(token).getHeader().getKeyID();
        return new JWKSet(new RSAKey.Builder(key).keyID(kid).build()).toString();
    }
}
