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
 * enrollment-service for a provider's staff: provider-side completions of an enrollment's assignments and the
 * partner keys (docs/partner-keys.md), for staff of the provider in the path; every call carries
 * the person's token. A key is {@code {id, providerId, label, createdAt, rotatedAt, lastUsedAt, revoked, revokedAt}};
 * creating and rotating answer it with its {@code secret} (and {@code previousSecretValidUntil}), the one time the
 * secret is ever shown. 403 for anyone but that provider's staff, 404 {@code keyId} for another provider's key, 409
 * to rotate a revoked key, 400 {@code label}.
 */
public interface StaffEnrollmentApi {

    /**
     * {@code GET /api/v1/providers/{providerId}/enrollments?page=&size=&credentialId=&status=}: one page of the
     * provider's enrollments, newest first, {@code {items: [EnrollmentView], page: {number, size, totalElements,
     * totalPages}}}; {@code credentialId} and {@code status} are left out when null; 403 for anyone but that provider's
     * staff, 400 naming {@code page}, {@code size} or {@code status}.
     */
    @GetExchange(url = "/api/v1/providers/{providerId}/enrollments", accept = "application/json")
    JsonNode enrollments(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String providerId,
            @RequestParam int page,
            @RequestParam int size,
            @RequestParam(required = false) String credentialId,
            @RequestParam(required = false) String status);

    /** {@code GET /api/v1/providers/{providerId}/partner-keys}: the keys, oldest first, never a secret. */
    @GetExchange(url = "/api/v1/providers/{providerId}/partner-keys", accept = "application/json")
    JsonNode partnerKeys(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String providerId);

    /** {@code POST /api/v1/providers/{providerId}/partner-keys} {@code {label}}: 201 with the key and its secret. */
    @PostExchange(
            url = "/api/v1/providers/{providerId}/partner-keys",
            accept = "application/json",
            contentType = "application/json")
    JsonNode createPartnerKey(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String providerId,
            @RequestBody JsonNode body);

    /** {@code POST .../partner-keys/{keyId}/rotate}: the key with a new secret; the old one works for an overlap. */
    @PostExchange(url = "/api/v1/providers/{providerId}/partner-keys/{keyId}/rotate", accept = "application/json")
    JsonNode rotatePartnerKey(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String providerId,
            @PathVariable String keyId);

    /** {@code POST .../partner-keys/{keyId}/revoke}: the key, {@code revoked: true}; at once, on every instance. */
    @PostExchange(url = "/api/v1/providers/{providerId}/partner-keys/{keyId}/revoke", accept = "application/json")
    JsonNode revokePartnerKey(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String providerId,
            @PathVariable String keyId);

    /**
     * {@code POST /api/v1/providers/{providerId}/enrollments/{enrollmentId}/assignments/{assignmentId}/complete}
     * {@code {completedAt?}}: marks an assignment done as the provider (now when {@code completedAt} is absent) and
     * answers the enrollment with its progress ({@code credentialTitle}, {@code status}, {@code assignments[]} with
     * {@code done}, {@code how}, {@code when}); 403 unless staff of the enrollment's provider, 404 {@code enrollmentId}
     * or {@code assignmentId}.
     */
    @PostExchange(
            url = "/api/v1/providers/{providerId}/enrollments/{enrollmentId}/assignments/{assignmentId}/complete",
            accept = "application/json",
            contentType = "application/json")
    JsonNode completeAssignment(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String providerId,
            @PathVariable String enrollmentId,
            @PathVariable String assignmentId,
            @RequestBody JsonNode completion);
}
