package org.credstack.enrollment.partner;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.credstack.runtime.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A provider's partner keys (docs/partner-keys.md), for staff of that provider and operators.
 *
 * <ul>
 *   <li>{@code POST /api/v1/providers/{providerId}/partner-keys} {@code {label?}} → 201 with {@code id} and {@code
 *       secret}: the HTTP Basic user name and password for {@code /xapi/**}. The secret is shown this once;
 *   <li>{@code GET /api/v1/providers/{providerId}/partner-keys} → 200, the keys oldest first: id, label, created,
 *       rotated, last used, revoked; never a secret or its hash;
 *   <li>{@code POST .../partner-keys/{keyId}/rotate} → 200 with a new {@code secret}; the previous one works until
 *       {@code previousSecretValidUntil};
 *   <li>{@code POST .../partner-keys/{keyId}/revoke} → 200; the key authenticates nothing from now on (again: no
 *       change).
 * </ul>
 *
 * Errors (problem+json): 401 without a token, 403 for anyone but staff of the provider and operators, 404 {@code
 * keyId} for a key the provider does not have, 409 {@code keyId} to rotate a revoked key, 400 {@code label}.
 */
@RestController
class PartnerKeyController {

    private final PartnerKeys keys;
    private final Access access;

    PartnerKeyController(PartnerKeys keys, Access access) {
        this.keys = keys;
        this.access = access;
    }

    @PostMapping("/api/v1/providers/{providerId}/partner-keys")
    ResponseEntity<IssuedView> create(
            @PathVariable String providerId, @RequestBody(required = false) CreateRequest body) {
        access.requireProviderStaff(providerId);
        PartnerKeys.Issued issued = keys.create(providerId, body == null ? null : body.label());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/providers/" + providerId + "/partner-keys/"
                        + issued.key().id()))
                .body(IssuedView.of(issued));
    }

    @GetMapping("/api/v1/providers/{providerId}/partner-keys")
    List<KeyView> list(@PathVariable String providerId) {
        access.requireProviderStaff(providerId);
        return keys.of(providerId).stream().map(KeyView::of).toList();
    }

    @PostMapping("/api/v1/providers/{providerId}/partner-keys/{keyId}/rotate")
    IssuedView rotate(@PathVariable String providerId, @PathVariable String keyId) {
        access.requireProviderStaff(providerId);
        return IssuedView.of(keys.rotate(providerId, keyId));
    }

    @PostMapping("/api/v1/providers/{providerId}/partner-keys/{keyId}/revoke")
    KeyView revoke(@PathVariable String providerId, @PathVariable String keyId) {
        access.requireProviderStaff(providerId);
        return KeyView.of(keys.revoke(providerId, keyId));
    }

    /** @param label what the provider calls the key, optional */
    record CreateRequest(String label) {}

    /**
     * A key with its secret, answered once.
     *
     * @param id the HTTP Basic user name
     * @param secret the HTTP Basic password; not stored, cannot be shown again
     * @param previousSecretValidUntil after a rotation, until when the previous secret still works; else {@code null}
     */
    record IssuedView(
            String id,
            String providerId,
            String label,
            String secret,
            Instant createdAt,
            Instant rotatedAt,
            Instant previousSecretValidUntil) {

        static IssuedView of(PartnerKeys.Issued issued) {
            PartnerKey k = issued.key();
            return new IssuedView(
                    k.id(),
                    k.providerId(),
                    k.label(),
                    issued.secret(),
                    k.createdAt(),
                    k.rotatedAt(),
                    k.previousValidUntil());
        }
    }

    /** A key as listed: never its secret. */
    record KeyView(
            String id,
            String providerId,
            String label,
            Instant createdAt,
            Instant rotatedAt,
            Instant lastUsedAt,
            boolean revoked,
            Instant revokedAt) {

        static KeyView of(PartnerKey k) {
            return new KeyView(
                    k.id(),
                    k.providerId(),
                    k.label(),
                    k.createdAt(),
                    k.rotatedAt(),
                    k.lastUsedAt(),
                    k.revoked(),
                    k.revokedAt());
        }
    }
}
