package org.credstack.badge.issuing;

import java.time.Instant;
import org.credstack.runtime.security.Access;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Provider staff revoke a credential their provider issued; only staff of the provider in the path ({@code
 * provider_ids}) or an operator, checked before the reason or the badge is looked at (401 problem without a token,
 * 403 problem for anyone else; nothing is stored or published on either):
 *
 * <pre>{@code
 * POST /api/v1/providers/{providerId}/credentials/{badgeId}/revocation   {"reason": "issued in error"}
 * → 200 {"badgeId": "<base>/credentials/<uuid>", "revokedAt": "2024-02-10T12:00:00Z", "reason": "issued in error",
 *        "statusListCredential": "<base>/status-lists/<providerId>/0", "statusListIndex": 17}
 * }</pre>
 *
 * Repeating it answers the same revocation (the first reason and time) and publishes nothing more. 404
 * {@code credential-not-found} when the provider issued no such credential; 400 {@code invalid-request} for a
 * missing, blank or over-long {@code reason} or an unreadable body.
 */
@RestController
class RevocationController {

    private final BadgeRevocation revocation;
    private final Access access;

    RevocationController(BadgeRevocation revocation, Access access) {
        this.revocation = revocation;
        this.access = access;
    }

    @PostMapping("/api/v1/providers/{providerId}/credentials/{badgeId}/revocation")
    RevocationView revoke(
            @PathVariable String providerId, @PathVariable String badgeId, @RequestBody RevocationRequest request) {
        access.requireProviderStaff(providerId);
        Badge badge = revocation.revoke(providerId, badgeId, request.reason());
        return new RevocationView(
                badge.credentialUrl(),
                badge.revokedAt(),
                badge.revocationReason(),
                badge.statusList() == null ? null : revocation.statusListUrl(badge),
                badge.statusListIndex());
    }

    /** @param reason why the credential is revoked; required, not blank */
    record RevocationRequest(String reason) {}

    /**
     * @param badgeId the credential's id (its public URL), as {@code BadgeRevoked} names it
     * @param revokedAt when it was revoked, UTC
     * @param reason why
     * @param statusListCredential its revocation list; null for a credential issued before status lists
     * @param statusListIndex its entry in that list; null likewise
     */
    record RevocationView(
            String badgeId, Instant revokedAt, String reason, String statusListCredential, Integer statusListIndex) {}
}
