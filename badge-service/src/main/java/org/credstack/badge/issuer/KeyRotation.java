package org.credstack.badge.issuer;

import java.time.Instant;

/**
 * What a key rotation did (see {@link Issuers#rotate}); also the body of its answer.
 *
 * @param issuer the issuer's id, {@code <base>/issuers/{providerId}}
 * @param verificationMethod the new key's verification method, which signs every credential and status list from
 *     now on
 * @param previousVerificationMethod the key that signed until now; still listed in the issuer profile, so what it
 *     signed still verifies
 * @param rotatedAt when, UTC
 */
public record KeyRotation(
        String issuer, String verificationMethod, String previousVerificationMethod, Instant rotatedAt) {}
