package org.credstack.web.learner;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PutExchange;
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

    /** {@code GET /credentials/{id}/display-name} (public): {@code {id, name}}; 404 when the holder chose none. */
    @GetExchange(url = "/credentials/{id}/display-name", accept = "application/json")
    JsonNode displayName(@PathVariable String id);

    /**
     * {@code PUT /api/v1/learners/{id}/credentials/{badge}/display-name} {@code {name}}: the name shown on the public
     * page, {@code null} for none; 400 naming {@code name}; 404 when the learner holds no such badge.
     */
    @PutExchange(
            url = "/api/v1/learners/{learnerId}/credentials/{id}/display-name",
            accept = "application/json",
            contentType = "application/json")
    JsonNode chooseDisplayName(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String learnerId,
            @PathVariable String id,
            @RequestBody DisplayName body);

    /** The display name's body: 1 to 100 characters, or {@code null} to show none. */
    record DisplayName(String name) {}
}
