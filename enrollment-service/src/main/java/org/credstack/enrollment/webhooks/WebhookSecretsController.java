package org.credstack.enrollment.webhooks;

import java.util.List;
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
 * are {@code Cache-Control: no-store}.
 */
@RestController
@RequestMapping("/api/v1/providers/{providerId}/webhook-secrets")
class WebhookSecretsController {

    private final WebhookSecrets secrets;
    private final Access access;

    WebhookSecretsController(WebhookSecrets secrets, Access access) {
        this.secrets = secrets;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<WebhookSecrets.Created> create(@PathVariable String providerId) {
        access.requireProviderStaff(providerId);
        return created(secrets.create(providerId));
    }

    @GetMapping
    List<WebhookSecrets.Listed> list(@PathVariable String providerId) {
        access.requireProviderStaff(providerId);
        return secrets.list(providerId);
    }

    @PostMapping("/{secretId}/rotate")
    ResponseEntity<WebhookSecrets.Created> rotate(@PathVariable String providerId, @PathVariable String secretId) {
        access.requireProviderStaff(providerId);
        return created(secrets.rotate(providerId, secretId));
    }

    @DeleteMapping("/{secretId}")
    ResponseEntity<Void> revoke(@PathVariable String providerId, @PathVariable String secretId) {
        access.requireProviderStaff(providerId);
        secrets.revoke(providerId, secretId);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<WebhookSecrets.Created> created(WebhookSecrets.Created created) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(created);
    }
}
