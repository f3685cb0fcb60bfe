package org.credstack.badge.issuer;

import java.util.Map;
import org.credstack.runtime.audit.AuditLog;
import org.credstack.runtime.audit.AuditTarget;
import org.credstack.runtime.security.Access;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator rotates an issuer's signing key; operators only (401 problem without a token, 403 problem for
 * anyone else, the provider's own staff included; no key is made on either):
 *
 * <pre>{@code
 * POST /api/v1/issuers/{providerId}/keys/rotation        (no body)
 * → 200 {"issuer": "<base>/issuers/p-1", "verificationMethod": "<base>/issuers/p-1#z6MkNew...",
 *        "previousVerificationMethod": "<base>/issuers/p-1#z6MkOld...", "rotatedAt": "2024-02-10T12:00:00Z"}
 * }</pre>
 *
 * Each call makes a new key (it is not idempotent: a repeated call rotates again, and every key stays listed). 404
 * {@code issuer-not-found} for a provider the catalog never named. Each rotation is recorded in the audit log
 * ({@code issuer-key.rotated}, target the issuer's id, with both verification methods: public keys only).
 */
@RestController
class IssuerKeyController {

    private final Issuers issuers;
    private final Access access;
    private final AuditLog auditLog;

    IssuerKeyController(Issuers issuers, Access access, AuditLog auditLog) {
        this.issuers = issuers;
        this.access = access;
        this.auditLog = auditLog;
    }

    @PostMapping("/api/v1/issuers/{providerId}/keys/rotation")
    KeyRotation rotate(@PathVariable String providerId) {
        access.requireOperator();
        KeyRotation rotation = issuers.rotate(providerId);
        auditLog.record(
                "issuer-key.rotated",
                AuditTarget.ofProvider(providerId, rotation.issuer()),
                Map.of(
                        "verificationMethod", rotation.verificationMethod(),
                        "previousVerificationMethod", rotation.previousVerificationMethod()));
        return rotation;
    }
}
