package org.credstack.runtime.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens its delegate accepted, so a caller that sends the same bearer token
 * with every request (a partner posting statements, the web app on a person's behalf) has its signature checked once
 * rather than on every request: the RS256 check was about 8 % of enrollment-service's CPU under load.
 *
 * <p>A remembered token is answered from memory only until its {@code exp} plus the clock skew, by the same clock the
 * delegate's validators use; after that, and for a token without {@code exp}, the delegate decides again (and refuses
 * it). The key is the whole compact token, so only the exact bytes that were verified are answered from memory. A
 * token stays accepted until it expires even if its signing key leaves the identity provider's JWKS meanwhile, the
 * same as for a token already being served. At most {@link #TOKENS_HELD} tokens are held; then the memory starts
 * again.
 */
final class VerifiedTokens implements JwtDecoder {

    /** How many accepted tokens are remembered at most. */
    static final int TOKENS_HELD = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Duration clockSkew;
    private final Map<String, Jwt> accepted = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder decoder, Clock clock, Duration clockSkew) {
        this.decoder = decoder;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    /**
     * The token's claims, from memory while it is remembered and unexpired, else from the delegate.
     *
     * @throws JwtException as the delegate does for a token it refuses
     */
    @Override
    public Jwt decode(String token) {
        Jwt known = accepted.get(token);
        if (known != null) {
            if (unexpired(known)) {
                return known;
            }
            accepted.remove(token);
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (accepted.size() >= TOKENS_HELD) {
                accepted.clear();
            }
            accepted.put(token, jwt);
        }
        return jwt;
    }

    private boolean unexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().minus(clockSkew).isBefore(expiresAt);
    }
}
