package org.credstack.testsupport.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Access tokens for tests, shaped as the identity contract says (docs/security.md): RFC 9068 JWTs ({@code typ:
 * at+jwt}, RS256) with {@code sub}, {@code roles}, {@code provider_ids} and {@code scope}, signed with an RSA key
 * generated once per JVM. {@link org.credstack.testsupport.InfrastructureInitializer} points every test context's
 * resource server at its public key ({@link #publicKeyLocation()}), so a service's tests need no identity-service.
 *
 * <p>Valid tokens are issued at the moment of the call by the system clock (not a test's {@code TestClock}: token
 * lifetimes are real time) and live {@value #LIFETIME_MINUTES} minutes. The spoiling methods take a valid token
 * and return the same claims refused in one way: {@link #expired}, {@link #forged} (another key, same {@code kid}),
 * {@link #unsigned} ({@code alg: none}).
 *
 * <pre>{@code
 * http.get().uri("/api/v1/learners/{id}/credentials", learnerId)
 *         .header("Authorization", TestTokens.bearer(TestTokens.learner(learnerId)))
 * }</pre>
 */
public final class TestTokens {

    /** The {@code iss} of every test token. */
    public static final String ISSUER = "https://identity.credstack.test";

    /** The {@code sub} of {@link #operator()}. */
    public static final String OPERATOR_ID = "operator";

    static final long LIFETIME_MINUTES = 60;
    private static final String KEY_ID = "credstack-test";
    private static final RSAKey KEY = generate();
    private static final RSAKey OTHER_KEY = generate();
    private static volatile Path publicKeyFile;

    private TestTokens() {}

    /** A learner's token: {@code sub} is the learner id of their paths. */
    public static String learner(String learnerId) {
        return token(learnerId, List.of("learner"), List.of());
    }

    /** Provider staff of these providers; {@code sub} is {@code staff-of-<first provider>}. */
    public static String staff(String... providerIds) {
        return token("staff-of-" + providerIds[0], List.of("provider_staff"), List.of(providerIds));
    }

    /** A partner system (client credentials) of one provider; {@code sub} is {@code partner-of-<provider>}. */
    public static String partner(String providerId) {
        return token("partner-of-" + providerId, List.of("partner"), List.of(providerId));
    }

    /** An operator ({@code sub} {@value #OPERATOR_ID}). */
    public static String operator() {
        return token(OPERATOR_ID, List.of("operator"), List.of());
    }

    /**
     * Any caller.
     *
     * @param roles role names as in the {@code roles} claim ({@code provider_staff}), possibly unknown ones
     * @param providerIds left out of the token when empty
     */
    public static String token(String subject, List<String> roles, List<String> providerIds) {
        return token(subject, roles, providerIds, UnaryOperator.identity());
    }

    /**
     * Any caller, with claims changed or added before signing: {@code claims -> claims.issuer("https://elsewhere")}.
     */
    public static String token(
            String subject, List<String> roles, List<String> providerIds, UnaryOperator<JWTClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience("credstack")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(LIFETIME_MINUTES))))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", "credstack-test")
                .claim("scope", "openid profile email credstack")
                .claim("roles", roles);
        if (!providerIds.isEmpty()) {
            claims.claim("provider_ids", providerIds);
        }
        return sign(adjust.apply(claims).build(), KEY);
    }

    /** The claims of a valid token, issued two hours ago and expired an hour ago. */
    public static String expired(String token) {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claimsOf(token))
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofHours(1))))
                .build();
        return sign(claims, KEY);
    }

    /** The claims of a valid token, signed with another key under the test key's {@code kid}. */
    public static String forged(String token) {
        return sign(claimsOf(token), OTHER_KEY);
    }

    /** The claims of a valid token as an unsecured JWT ({@code alg: none}, empty signature). */
    public static String unsigned(String token) {
        return new PlainJWT(claimsOf(token)).serialize();
    }

    /** {@code Bearer <token>}, the value of an {@code Authorization} header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The test key's public half as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public static String publicKeyPem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(KEY.toRSAPublicKey().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException("the test key has no public half", e);
        }
    }

    /**
     * A {@code file:} URL of {@link #publicKeyPem()}, written once per JVM to a temporary file: the value of {@code
     * spring.security.oauth2.resourceserver.jwt.public-key-location}.
     */
    public static String publicKeyLocation() {
        if (publicKeyFile == null) {
            synchronized (TestTokens.class) {
                if (publicKeyFile == null) {
                    publicKeyFile = writePublicKey();
                }
            }
        }
        return publicKeyFile.toUri().toString();
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("credstack-test-key-", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test key", e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("at+jwt"))
                .keyID(KEY_ID)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
        return jwt.serialize();
    }

    private static JWTClaimsSet claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a signed JWT: " + token, e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the test key", e);
        }
    }
}
