package org.credstack.runtime.links;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Signs and checks the tokens carried by links in e-mails (renew this credential, unsubscribe), so that a
 * link works without a sign-in and cannot be forged or reused for another purpose or learner.
 *
 * <p>A token is a compact JWS (RFC 7515) with HMAC-SHA256 ({@code HS256}, RFC 7518 section 3.2) over a JWT
 * claims set (RFC 7519): {@code sub} the learner, {@code pur} the purpose, {@code exp} the expiry, plus the
 * link's own string claims. Every service of a platform shares the secret ({@code credstack.links.secret}),
 * so a token issued by notification-service verifies in enrollment-service.
 *
 * <p>Thread-safe.
 */
public final class LinkTokens {

    /** The shortest secret accepted, in bytes: HS256 needs a key as long as its hash (RFC 7518 section 3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String PURPOSE = "pur";
    private static final Set<String> RESERVED = Set.of("sub", "exp", PURPOSE);

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;

    /**
     * @param secret the shared secret, at least {@link #MIN_SECRET_BYTES} bytes
     * @param clock the clock that decides expiry
     * @throws IllegalArgumentException if the secret is shorter than {@link #MIN_SECRET_BYTES}
     */
    public LinkTokens(byte[] secret, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "the link secret has " + secret.length + " bytes; it needs at least " + MIN_SECRET_BYTES);
        }
        try {
            this.signer = new MACSigner(secret.clone());
            this.verifier = new MACVerifier(secret.clone());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable link secret: " + e.getMessage(), e);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A token for a link.
     *
     * @param purpose what the link does, e.g. {@code renewal}; checked again by {@link #verify}
     * @param subject whom it is for, a learner id
     * @param claims further string facts, e.g. {@code badgeId}; the names {@code sub}, {@code exp} and
     *     {@code pur} are reserved
     * @param timeToLive how long the link works, rounded down to whole seconds
     * @return the compact JWS, URL-safe (base64url parts joined by dots)
     * @throws IllegalArgumentException if a claim uses a reserved name or the time to live is not positive
     */
    public String issue(String purpose, String subject, Map<String, String> claims, Duration timeToLive) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(subject, "subject");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("a link must live for a while, not " + timeToLive);
        }
        Instant expiresAt = clock.instant().plus(timeToLive).truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim(PURPOSE, purpose)
                .expirationTime(Date.from(expiresAt));
        claims.forEach((name, value) -> {
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("the claim name " + name + " is reserved");
            }
            builder.claim(name, value);
        });
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a link token", e);
        }
        return jwt.serialize();
    }

    /**
     * Checks a token from a link.
     *
     * @param purpose the purpose the caller serves; a token issued for another purpose does not verify
     * @param token the token as it came in the link, possibly {@code null} or garbage
     * @return what the token says, or empty when it is malformed, not signed with this platform's secret or
     *     with another algorithm, issued for another purpose, or expired (at or after {@code exp})
     */
    public Optional<LinkToken> verify(String purpose, String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (!purpose.equals(claims.getStringClaim(PURPOSE))
                    || claims.getSubject() == null
                    || expiry == null
                    || !clock.instant().isBefore(expiry.toInstant())) {
                return Optional.empty();
            }
            Map<String, String> own = new LinkedHashMap<>();
            for (Map.Entry<String, Object> claim : claims.getClaims().entrySet()) {
                if (!RESERVED.contains(claim.getKey()) && claim.getValue() instanceof String value) {
                    own.put(claim.getKey(), value);
                }
            }
            return Optional.of(new LinkToken(purpose, claims.getSubject(), own, expiry.toInstant()));
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
