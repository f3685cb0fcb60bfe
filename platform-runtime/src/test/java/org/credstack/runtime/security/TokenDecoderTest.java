package org.credstack.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.credstack.testsupport.TestClock;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.io.UrlResource;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.web.client.RestTemplate;

class TokenDecoderTest {

    static final SecurityProperties CLAIMS =
            new SecurityProperties("sub", "roles", "provider_ids", Duration.ofSeconds(30));

    @Test
    void decodesAnRfc9068AccessTokenOfTheTestKey() {
        assertThat(decoder(null).decode(TestTokens.learner("l-1")).getSubject()).isEqualTo("l-1");
    }

    @Test
    void refusesATokenOfAnotherIssuerOnlyWhenTheIssuerIsConfigured() {
        String elsewhere = TestTokens.token("l-1", List.of("learner"), List.of(), c -> c.issuer("https://elsewhere"));

        assertThat(decoder(jwt -> {}).decode(elsewhere).getSubject()).isEqualTo("l-1");
        assertThatThrownBy(() ->
                        decoder(jwt -> jwt.setIssuerUri(TestTokens.ISSUER)).decode(elsewhere))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("iss");
    }

    /**
     * docker-compose.yml: Keycloak names itself by the host the browser uses ({@code localhost:8180}) while the
     * services fetch its keys inside the network ({@code keycloak:8080}). With both settings the keys come from the
     * JWKS URI, the issuer is only compared, never asked for its discovery document.
     */
    @Test
    void checksTheConfiguredIssuerWhileFetchingKeysFromTheJwkSetUriOfAnotherHost() throws Exception {
        String publicIssuer = "http://localhost:1/realms/credstack";
        String fromKeycloak = TestTokens.token("l-1", List.of("learner"), List.of(), c -> c.issuer(publicIssuer));
        HttpServer jwks = jwksServer();
        try {
            OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
            jwt.setJwkSetUri("http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs");
            jwt.setIssuerUri(publicIssuer);
            JwtDecoder decoder = TokenDecoder.from(jwt, CLAIMS);

            assertThat(decoder.decode(fromKeycloak).getIssuer()).hasToString(publicIssuer);
            assertThatThrownBy(() -> decoder.decode(TestTokens.learner("l-1")))
                    .isInstanceOf(JwtValidationException.class)
                    .hasMessageContaining("iss");
        } finally {
            jwks.stop(0);
        }
    }

    @Test
    void refusesATokenForAnotherAudienceWhenAudiencesAreConfigured() {
        JwtDecoder decoder = decoder(jwt -> jwt.setAudiences(List.of("badge-service", "credstack")));
        String forBilling = TestTokens.token("l-1", List.of("learner"), List.of(), c -> c.audience("billing"));

        assertThat(decoder.decode(TestTokens.learner("l-1")).getAudience()).containsExactly("credstack");
        assertThatThrownBy(() -> decoder.decode(forBilling)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void acceptsATokenExpiredWithinTheClockSkewOnly() {
        String justExpired = expiredSecondsAgo(10);
        String longExpired = expiredSecondsAgo(45);

        assertThat(decoder(null).decode(justExpired).getSubject()).isEqualTo("l-1");
        assertThatThrownBy(() -> decoder(null).decode(longExpired))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void refusesATokenThatNamesNoCaller() {
        String nobody = TestTokens.token("x", List.of("operator"), List.of(), c -> c.subject(null));

        assertThatThrownBy(() -> decoder(null).decode(nobody))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("names no caller");
    }

    @Test
    void refusesForgedAndUnsignedTokens() {
        String token = TestTokens.operator();

        assertThatThrownBy(() -> decoder(null).decode(TestTokens.forged(token))).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder(null).decode(TestTokens.unsigned(token)))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void remembersAnAcceptedTokenOnlyUntilItExpires() {
        TestClock clock = new TestClock(Instant.now());
        JwtDecoder decoder = TokenDecoder.from(testKey(), CLAIMS, new RestTemplate(), clock);
        String token = TestTokens.learner("l-1");

        Jwt first = decoder.decode(token);
        Jwt again = decoder.decode(token);
        clock.set(first.getExpiresAt().plus(CLAIMS.clockSkew()).plusSeconds(1));

        assertThat(again).isSameAs(first);
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void refusesToStartWithoutAKeySource() {
        assertThatThrownBy(() -> TokenDecoder.from(new OAuth2ResourceServerProperties().getJwt(), CLAIMS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("issuer-uri");
    }

    /** Serves the test key as a JWK Set (RFC 7517 §5) on a free local port. */
    private static HttpServer jwksServer() throws Exception {
        String pem = TestTokens.publicKeyPem()
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "");
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
        byte[] body = new JWKSet(new RSAKey.Builder(key).keyID("credstack-test").build())
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    private static String expiredSecondsAgo(long seconds) {
        Instant now = Instant.now();
        return TestTokens.token(
                "l-1",
                List.of("learner"),
                List.of(),
                c -> c.issueTime(Date.from(now.minusSeconds(600)))
                        .notBeforeTime(Date.from(now.minusSeconds(600)))
                        .expirationTime(Date.from(now.minusSeconds(seconds))));
    }

    private static JwtDecoder decoder(Consumer<OAuth2ResourceServerProperties.Jwt> configure) {
        OAuth2ResourceServerProperties.Jwt jwt = testKey();
        if (configure != null) {
            configure.accept(jwt);
        }
        return TokenDecoder.from(jwt, CLAIMS);
    }

    private static OAuth2ResourceServerProperties.Jwt testKey() {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        try {
            jwt.setPublicKeyLocation(new UrlResource(TestTokens.publicKeyLocation()));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return jwt;
    }
}
