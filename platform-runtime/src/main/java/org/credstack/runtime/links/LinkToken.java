package org.credstack.runtime.links;

import java.time.Instant;
import java.util.Map;

/**
 * What a verified link token says.
 *
 * @param purpose what the link does, e.g. {@code renewal} or {@code unsubscribe}
 * @param subject whom it is for, a learner id
 * @param claims further facts the link carries, e.g. {@code badgeId}; never {@code null}
 * @param expiresAt when the link stops working, UTC, whole seconds
 */
public record LinkToken(String purpose, String subject, Map<String, String> claims, Instant expiresAt) {

    /** Claims are copied; a missing map reads as empty. */
    public LinkToken {
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }
}
