package org.credstack.enrollment.webhooks;

import java.util.List;
import java.util.Map;
import org.credstack.runtime.audit.AuditLog;
import org.credstack.runtime.audit.AuditTarget;
import org.credstack.runtime.security.Access;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A provider's webhook secrets (Standard Webhooks {@code whsec_} secrets), for its staff:
 *
 * <ul>
 *   <li>{@code POST /api/v1/providers/{providerId}/webhook-secrets} → 201 {@code {id, secret, createdAt}}: the only
 *       time the secret is shown; 409 {@code too-many-webhook-secrets} when two are valid already;
 *   <li>{@code GET .../webhook-secrets} → 200 {@code [{id, createdAt, expiresAt}]}, oldest first, never the secret;
 *   <li>{@code POST .../webhook-secrets/{secretId}/rotate} → 201 with a new secret, as for creation; the old one
 *       verifies until {@code credstack.enrollment.webhooks.rotation-overlap} (24 h) has passed;
 *   <li>{@code DELETE .../webhook-secrets/{secretId}} → 204; it verifies nothing from now on.
 * </ul>
 *
 * Staff of that provider and operators only (401 without a token, 403 for anyone else, before anything is read or
 * stored). 404 {@code webhook-secret-not-found} for an id that is not a valid secret of the provider. Responses showing a secret
 * are {@code Cache-Control: no-store}. Creating, rotating and revoking are recorded in the audit log ({@code
 * webhook-secret.created|rotated|revoked}; for a rotation the new secret's id is the target and the old one's is
 * {@code replaces}).
 */
@RestController
@RequestMapping("/api/v1/providers/{providerId}/webhook-secrets")
class WebhookSecretsController {

    private final WebhookSecrets secrets;
    private final Access access;
    private final AuditLog auditLog;

    WebhookSecretsController(WebhookSecrets secrets, Access access, AuditLog auditLog) {
        this.secrets = secrets;
        this.access = access;
        this.auditLog = auditLog;
    }

    @PostMapping
    ResponseEntity<WebhookSecrets.Created> create(@PathVariable String providerId) {
        access.requireProviderStaff(providerId);
        WebhookSecrets.Created created = secrets.create(providerId);
        audit("webhook-secret.created", providerId, created.id(), Map.of());
        return created(created);
    }

    @GetMapping
    List<WebhookSecrets.Listed> list(@PathVariable String providerId) {
        access.requireProviderStaff(providerId);
        return secrets.list(providerId);
    }

    @PostMapping("/{secretId}/rotate")
    ResponseEntity<WebhookSecrets.Created> rotate(@PathVariable String providerId, @PathVariable String secretId) {
        access.requireProviderStaff(providerId);
        WebhookSecrets.Created created = secrets.rotate(providerId, secretId);
        audit("webhook-secret.rotated", providerId, created.id(), Map.of("replaces", secretId));
        return created(created);
    }

    @DeleteMapping("/{secretId}")
    ResponseEntity<Void> revoke(@PathVariable String providerId, @PathVariable String secretId) {
        access.requireProviderStaff(providerId);
        secrets.revoke(providerId, secretId);
        audit("webhook-secret.revoked", providerId, secretId, Map.of());
        return ResponseEntity.noContent().build();
    }

    /** Records a change of a provider's secrets in the audit log: the secret's id, never the secret. */
    private void audit(String action, String providerId, String secretId, Map<String, ?> details) {
        auditLog.record(
                action,
                AuditTarget.ofProvider(providerId, "/api/v1/providers/" + providerId + "/webhook-secrets/" + secretId),
                details);
    }

    private static ResponseEntity<WebhookSecrets.Created> created(WebhookSecrets.Created created) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(created);
    }
}
