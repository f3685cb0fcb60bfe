package org.credstack.runtime.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestOperations;
import org.springframework.web.client.RestTemplate;

/**
 * The service's {@link JwtDecoder}, from Boot's {@code spring.security.oauth2.resourceserver.jwt.*}: the RSA key of
 * {@code public-key-location} (tests), else the keys of {@code jwk-set-uri}, else keys discovered lazily from {@code
 * issuer-uri}
 * (OpenID Connect Discovery, on the first token, so a service starts before its identity provider). Every token
 * is then checked for: a signature by one of those keys with a {@code jws-algorithms} algorithm (RS256 unless
 * configured; {@code alg: none} never), {@code typ} absent, {@code JWT} or {@code at+jwt} (RFC 9068), {@code exp}
 * and {@code nbf} within {@code credstack.security.clock-skew}, {@code iss} equal to {@code issuer-uri} when set,
 * {@code aud} naming one of {@code audiences} when set, and a caller id. Accepted tokens are remembered until they
 * expire ({@link VerifiedTokens}).
 */
final class TokenDecoder {

    private TokenDecoder() {}

    static JwtDecoder from(OAuth2ResourceServerProperties.Jwt jwt, SecurityProperties properties) {
        return from(jwt, properties, new RestTemplate(), Clock.systemUTC());
    }

    /**
     * The decoder: keys fetched through {@code keys} (the JWKS and the discovery document of {@code issuer-uri},
     * {@link JwksClient}), expiry judged by {@code clock}, accepted tokens remembered.
     */
    static JwtDecoder from(
            OAuth2ResourceServerProperties.Jwt jwt, SecurityProperties properties, RestOperations keys, Clock clock) {
        return new VerifiedTokens(
                verifying(jwt, validator(jwt, properties, clock), keys), clock, properties.clockSkew());
    }

    private static JwtDecoder verifying(
            OAuth2ResourceServerProperties.Jwt jwt, OAuth2TokenValidator<Jwt> validator, RestOperations keys) {
        if (jwt.getPublicKeyLocation() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(jwt))
                    .signatureAlgorithm(SignatureAlgorithm.from(onlyAlgorithm(jwt)))
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (jwt.getJwkSetUri() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                    .jwsAlgorithms(algorithms -> jwt.getJwsAlgorithms().stream()
                            .map(SignatureAlgorithm::from)
                            .forEach(algorithms::add))
                    .restOperations(keys)
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (jwt.getIssuerUri() != null) {
            return new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(jwt.getIssuerUri())
                        .restOperations(keys)
                        .build();
                decoder.setJwtValidator(validator);
                return decoder;
            });
        }
        throw new IllegalStateException("the security kit needs the keys of the identity provider: set"
                + " spring.security.oauth2.resourceserver.jwt.issuer-uri, .jwk-set-uri or .public-key-location");
    }

    static OAuth2TokenValidator<Jwt> validator(
            OAuth2ResourceServerProperties.Jwt jwt, SecurityProperties properties, Clock clock) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
        type.setAllowEmpty(true);
        validators.add(type);
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        validators.add(timestamps);
        if (jwt.getIssuerUri() != null) {
            validators.add(new JwtIssuerValidator(jwt.getIssuerUri()));
        }
        List<String> audiences = jwt.getAudiences();
        if (audiences != null && !audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, aud -> aud != null && !Collections.disjoint(aud, audiences)));
        }
        validators.add(token -> {
            Object id = CallerClaims.claim(token, properties.idClaim());
            return id != null && !id.toString().isBlank()
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                            "invalid_token", "the token names no caller (" + properties.idClaim() + ")", null));
        });
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey publicKey(OAuth2ResourceServerProperties.Jwt jwt) {
        try {
            String pem = jwt.readPublicKey()
                    .replace("-----BEGIN PUBLIC KEY-----", "")
                    .replace("-----END PUBLIC KEY-----", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(
                            new X509EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jwt.getPublicKeyLocation(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(jwt.getPublicKeyLocation() + " holds no RSA public key in PEM", e);
        }
    }

    private static String onlyAlgorithm(OAuth2ResourceServerProperties.Jwt jwt) {
        List<String> algorithms = jwt.getJwsAlgorithms();
        if (algorithms == null || algorithms.size() != 1) {
            throw new IllegalStateException("a public-key-location needs exactly one of"
                    + " spring.security.oauth2.resourceserver.jwt.jws-algorithms, was " + algorithms);
        }
        return algorithms.getFirst();
    }
}
