package org.credstack.web.provider;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.JsonNode;

/**
 * badge-service as provider staff call it (docs/authz-badge-notification.md): an award's public credential and its
 * verification, and revocation, which needs staff of the provider in the path (403 otherwise; 404 {@code
 * credential-not-found} when that provider issued no such credential; 400 naming {@code reason}).
 */
public interface StaffBadgeApi {

    /**
     * {@code GET /api/v1/providers/{providerId}/credentials?page=&size=&credentialId=&revoked=}: one page of the
     * credentials the provider issued, newest first, {@code {items: [{id, publicUrl, credentialId, achievementName,
     * learnerId, issuedAt, validFrom, validUntil, revoked, revokedAt, revocationReason, renewalOf}], page: {number,
     * size, totalElements, totalPages}}}; {@code credentialId} and {@code revoked} are left out when null; 403 for
     * anyone but that provider's staff, 400 naming {@code page}, {@code size} or {@code revoked}.
     */
    @GetExchange(url = "/api/v1/providers/{providerId}/credentials", accept = "application/json")
    JsonNode awards(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String providerId,
            @RequestParam int page,
            @RequestParam int size,
            @RequestParam(required = false) String credentialId,
            @RequestParam(required = false) String revoked);

    /** {@code GET /credentials/{id}}: the signed {@code OpenBadgeCredential}; 404 for an unknown id. */
    @GetExchange(url = "/credentials/{id}", accept = "application/ld+json")
    JsonNode credential(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    /** {@code GET /credentials/{id}/verification}: the {@code VerificationReport} ({@code status}, checks). */
    @GetExchange(url = "/credentials/{id}/verification", accept = "application/json")
    JsonNode verification(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    /**
     * {@code POST /api/v1/providers/{providerId}/credentials/{badgeId}/revocation} {@code {reason}}: 200 {@code
     * {badgeId, revokedAt, reason, statusListCredential, statusListIndex}}; repeating it answers the first revocation.
     */
    @PostExchange(
            url = "/api/v1/providers/{providerId}/credentials/{badgeId}/revocation",
            accept = "application/json",
            contentType = "application/json")
    JsonNode revoke(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String providerId,
            @PathVariable String badgeId,
            @RequestBody JsonNode reason);
}
