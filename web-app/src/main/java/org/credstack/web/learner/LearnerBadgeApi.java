package org.credstack.web.learner;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import tools.jackson.databind.JsonNode;

/** badge-service's reads for one learner, with their token (docs/authz-badge-notification.md), and a verification. */
public interface LearnerBadgeApi {

    /**
     * {@code GET /api/v1/learners/{id}/credentials}: {@code [{id, publicUrl, enrollmentId, credentialId,
     * achievementName, validFrom, validUntil, issuedAt, renewalOf}]}, oldest first; {@code validUntil} null: never
     * expires; {@code renewalOf} the public URL of the credential it renews.
     */
    @GetExchange(url = "/api/v1/learners/{learnerId}/credentials", accept = "application/json")
    JsonNode credentials(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String learnerId);

    /**
     * {@code GET /api/v1/learners/{id}/stacks}: {@code [{stackCredentialId, title, complete, components [{credentialId,
     * title, done}], left}]}.
     */
    @GetExchange(url = "/api/v1/learners/{learnerId}/stacks", accept = "application/json")
    JsonNode stacks(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String learnerId);

    /** {@code GET /credentials/{id}/verification} (public): the {@code VerificationReport}, {@code status} revoked… */
    @GetExchange(url = "/credentials/{id}/verification", accept = "application/json")
    JsonNode verification(@PathVariable String id);
}
