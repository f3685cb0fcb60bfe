package org.credstack.web.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VerificationResultTest {

    static final JsonMapper JSON = JsonMapper.shared();

    private static SentCredential pasted(String text) {
        return SentCredential.of(text, null);
    }

    private static JsonNode report(String json) {
        return JSON.readTree(json);
    }

    @Test
    void givesTheFailedCheckAndItsSchemaViolationsAsTheReasonOfAnInvalidCredential() {
        VerificationResult result = VerificationResult.of(report("""
                        {"status": "invalid", "checkedAt": "2027-01-10T09:00:00Z",
                         "checks": {"proof": {"status": "valid"},
                                    "schema": {"status": "invalid", "violations": [
                                        {"instanceLocation": "", "keyword": "required",
                                         "message": "$.issuer: is missing but it is required"}]},
                                    "validity": {"status": "valid"}}}"""), pasted("{\"name\": \"Welding\"}"));

        assertThat(result.headline()).isEqualTo("Invalid");
        assertThat(result.meaning()).contains("Do not rely on it.");
        assertThat(result.reason()).isEqualTo("Format: $.issuer: is missing but it is required");
        assertThat(result.claims().achievementName()).isEqualTo("Welding");
        assertThat(result.checks())
                .extracting(VerificationResult.Check::key, VerificationResult.Check::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("proof", "Passed"),
                        org.assertj.core.groups.Tuple.tuple("schema", "Failed"),
                        org.assertj.core.groups.Tuple.tuple("validity", "Passed"),
                        org.assertj.core.groups.Tuple.tuple("credentialStatus", "Nothing to check"));
    }

    @Test
    void givesTheIssuersReasonForARevocation() {
        VerificationResult result = VerificationResult.of(report("""
                        {"status": "revoked", "checkedAt": "2027-01-10T09:00:00Z",
                         "checks": {"proof": {"status": "valid"}, "schema": {"status": "valid", "violations": []},
                                    "validity": {"status": "valid"},
                                    "credentialStatus": {"status": "revoked", "revokedAt": "2027-01-01T00:00:00Z",
                                                         "reason": "awarded in error"}}}"""), pasted("eyJh.eyJi.c2ln"));

        assertThat(result.headline()).isEqualTo("Revoked");
        assertThat(result.reason()).isEqualTo("Revocation: the issuer's reason: awarded in error");
        assertThat(result.verified()).isFalse();
        assertThat(result.unsure()).isFalse();
    }

    @Test
    void readsTheClaimsOfAVcJwtInsideAnEnvelopedCredential() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString("""
                        {"vc": {"issuer": {"id": "did:key:z6Mk", "name": "Lyon Welding School"},
                                "credentialSubject": {"identifier": [{"identityType": "name", "hashed": false,
                                                                      "identityHash": "Ana Silva"}],
                                                      "achievement": {"name": "MIG Welding"}}}}""".getBytes(StandardCharsets.UTF_8));
        String enveloped = "{\"type\": \"EnvelopedVerifiableCredential\", \"id\": \"data:application/vc+jwt,eyJh."
                + payload + ".c2ln\"}";

        VerificationResult result = VerificationResult.of(
                report("{\"status\": \"verified\", \"checks\": {\"proof\": {\"status\": \"valid\"}}}"),
                pasted(enveloped));

        assertThat(result.claims())
                .isEqualTo(new VerificationResult.Claims("MIG Welding", "Lyon Welding School", "Ana Silva"));
        assertThat(result.reason()).isNull();
    }
}
