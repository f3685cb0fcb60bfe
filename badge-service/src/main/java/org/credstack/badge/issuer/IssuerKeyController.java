package org.credstack.badge.issuer;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator rotates an issuer's signing key (no authentication yet, like the rest of {@code /api/v1}; an
 * operator-only rule belongs here once the security kit lands):
 *
 * <pre>{@code
 * POST /api/v1/issuers/{providerId}/keys/rotation        (no body)
 * → 200 {"issuer": "<base>/issuers/p-1", "verificationMethod": "<base>/issuers/p-1#z6MkNew...",
 *        "previousVerificationMethod": "<base>/issuers/p-1#z6MkOld...", "rotatedAt": "2024-02-10T12:00:00Z"}
 * }</pre>
 *
 * Each call makes a new key (it is not idempotent: a repeated call rotates again, and every key stays listed). 404
 * {@code issuer-not-found} for a provider the catalog never named.
 */
@RestController
class IssuerKeyController {

    private final Issuers issuers;

    IssuerKeyController(Issuers issuers) {
        this.issuers = issuers;
    }

    @PostMapping("/api/v1/issuers/{providerId}/keys/rotation")
    KeyRotation rotate(@PathVariable String providerId) {
        return issuers.rotate(providerId);
    }
}
