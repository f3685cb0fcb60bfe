package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Revocations and issuer key rotations are recorded in badge-service's audit log with the caller, the target and its
 * provider (docs/audit-log.md); repeated or refused calls record nothing.
 */
class BadgeAuditIT extends IssuingIntegrationTest {

    static final String REASON = "{\"reason\": \"issued in error\"}";

    @Test
    void recordsARevocationOnceWithItsStaffAndReason() {
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();
        long before = auditEntries();

        ResponseEntity<String> refused = revoke(
                journey.providerId,
                badge.badgeId(),
                REASON,
                TestTokens.bearer(TestTokens.staff("other-" + journey.providerId)));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(auditEntries()).as("refused: nothing recorded").isEqualTo(before);

        assertThat(revoke(journey.providerId, badge.badgeId(), REASON)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(revoke(journey.providerId, badge.badgeId(), REASON)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        List<JsonNode> entries = entries("providerId=" + journey.providerId + "&action=badge.revoked");
        assertThat(entries).as("a repeated revocation records nothing more").hasSize(1);
        JsonNode entry = entries.getFirst();
        assertThat(entry.get("target").asString()).isEqualTo(badge.badgeId());
        assertThat(entry.get("providerId").asString()).isEqualTo(journey.providerId);
        assertThat(entry.get("actor").get("id").asString()).isEqualTo("staff-of-" + journey.providerId);
        assertThat(entry.get("actor").get("providerIds").get(0).asString()).isEqualTo(journey.providerId);
        assertThat(entry.get("details").get("reason").asString()).isEqualTo("issued in error");
        assertThat(auditEntries()).isEqualTo(before + 1);
    }

    @Test
    void recordsAnIssuerKeyRotationByAnOperator() {
        Journey journey = new Journey();
        journey.issueOne();

        assertThat(rotate(journey.providerId, TestTokens.staff(journey.providerId))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(entries("providerId=" + journey.providerId + "&action=issuer-key.rotated"))
                .isEmpty();
        JsonNode rotation =
                json.readTree(rotate(journey.providerId, TestTokens.operator()).getBody());

        JsonNode entry = entries("providerId=" + journey.providerId + "&action=issuer-key.rotated")
                .getFirst();
        assertThat(entry.get("target").asString())
                .isEqualTo(rotation.get("issuer").asString());
        assertThat(entry.get("actor").get("id").asString()).isEqualTo(TestTokens.OPERATOR_ID);
        assertThat(entry.get("actor").get("roles").get(0).asString()).isEqualTo("operator");
        assertThat(entry.get("details").get("verificationMethod").asString())
                .isEqualTo(rotation.get("verificationMethod").asString());
        assertThat(entry.get("details").get("previousVerificationMethod").asString())
                .isEqualTo(rotation.get("previousVerificationMethod").asString());
    }

    private ResponseEntity<String> rotate(String providerId, String token) {
        return http().post()
                .uri(baseUrl() + "/api/v1/issuers/" + providerId + "/keys/rotation")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .retrieve()
                .toEntity(String.class);
    }

    private long auditEntries() {
        return mongo.getCollection("auditLog").countDocuments();
    }

    private List<JsonNode> entries(String query) {
        ResponseEntity<String> page = http().get()
                .uri(baseUrl() + "/api/v1/audit-log?" + query)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.operator()))
                .retrieve()
                .toEntity(String.class);
        assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        json.readTree(page.getBody()).get("entries").forEach(entries::add);
        return entries;
    }
}
