package org.credstack.badge.issuing;

import java.time.Instant;
import java.util.List;
import org.credstack.runtime.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credentials issued to a learner: {@code GET /api/v1/learners/{learnerId}/credentials} → 200 with a JSON array,
 * oldest first, one entry per badge:
 *
 * <pre>{@code
 * [{"id": "<uuid>", "publicUrl": "<base>/credentials/<uuid>", "enrollmentId", "credentialId",
 *   "achievementName", "validFrom", "validUntil" (null: never expires), "issuedAt",
 *   "renewalOf" (the publicUrl of the credential it renews; null for a first award)}]
 * }</pre>
 *
 * An unknown learner has none: {@code []}, not 404 (the badge service does not own learners). Only that learner
 * ({@code sub}) or an operator: 401 problem without a token, 403 problem for anyone else.
 */
@RestController
class LearnerCredentialsController {

    private final IssuedCredentials credentials;
    private final JsonMapper json;
    private final Access access;

    LearnerCredentialsController(IssuedCredentials credentials, JsonMapper json, Access access) {
        this.credentials = credentials;
        this.json = json;
        this.access = access;
    }

    @GetMapping("/api/v1/learners/{learnerId}/credentials")
    List<IssuedCredentialView> list(@PathVariable String learnerId) {
        access.requireLearner(learnerId);
        return credentials.ofLearner(learnerId).stream().map(this::view).toList();
    }

    private IssuedCredentialView view(Badge badge) {
        return new IssuedCredentialView(
                badge.id(),
                badge.credentialUrl(),
                badge.enrollmentId(),
                badge.credentialId(),
                achievementName(badge),
                badge.validFrom(),
                badge.validUntil(),
                badge.issuedAt(),
                badge.renewalOf());
    }

    /** The name the learner was awarded, as signed: {@code credentialSubject.achievement.name}. */
    private String achievementName(Badge badge) {
        JsonNode name = json.readTree(badge.credential())
                .path("credentialSubject")
                .path("achievement")
                .path("name");
        return name.isString() ? name.asString() : null;
    }

    /** The JSON of one issued credential; instants in UTC. */
    record IssuedCredentialView(
            String id,
            String publicUrl,
            String enrollmentId,
            String credentialId,
            String achievementName,
            Instant validFrom,
            Instant validUntil,
            Instant issuedAt,
            String renewalOf) {}
}
