package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credstack.badge.TestClockConfig;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.testsupport.IndependentVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Issuer key rotation: {@code POST /api/v1/issuers/{providerId}/keys/rotation} makes a new signing key, and what
 * the old key signed stays verifiable, with our verifier and with DigitalBazaar's.
 */
class KeyRotationIT extends IssuingIntegrationTest {

    private static final Instant NOW = Instant.parse("2024-02-10T12:00:00Z");

    @Test
    void credentialsIssuedBeforeAndAfterARotationBothVerifyAndNewOnesNameTheNewKey() {
        Journey journey = new Journey();
        BadgeIssued before = journey.issueOne();
        String oldMethod = proofMethod(get(before.publicUrl()));

        JsonNode rotation = json.readTree(rotate(journey.providerId).getBody());
        BadgeIssued after = issueAnother(journey, "enr-after-" + journey.suffix);

        String newMethod = rotation.get("verificationMethod").asString();
        assertThat(rotation.get("previousVerificationMethod").asString()).isEqualTo(oldMethod);
        assertThat(rotation.get("issuer").asString()).isEqualTo(issuerId(journey));
        assertThat(Instant.parse(rotation.get("rotatedAt").asString())).isEqualTo(TestClockConfig.START);
        assertThat(newMethod).startsWith(issuerId(journey) + "#z6Mk").isNotEqualTo(oldMethod);
        assertThat(proofMethod(get(after.publicUrl()))).isEqualTo(newMethod);
        assertThat(proofMethod(get(before.publicUrl()))).isEqualTo(oldMethod);

        JsonNode profile = json.readTree(get(issuerId(journey)));
        assertThat(profile.get("verificationMethod").findValuesAsString("id")).containsExactly(oldMethod, newMethod);
        assertThat(profile.get("verificationMethod").findValuesAsString("controller"))
                .containsOnly(issuerId(journey));
        assertThat(profile.get("assertionMethod").valueStream().map(JsonNode::asString))
                .containsExactly(oldMethod, newMethod);

        assertThat(verification(before).get("status").asString()).isEqualTo("verified");
        assertThat(verification(after).get("status").asString()).isEqualTo("verified");
        assertThat(verification(before).at("/checks/proof/verificationMethod").asString())
                .isEqualTo(oldMethod);
    }

    @Test
    void digitalBazaarVerifiesCredentialsOfBothKeysAndTheStatusListIsResignedWithTheNewKeyAtItsNextChange() {
        assumeTrue(IndependentVerifier.available(), "node is not installed; CI runs this with node 20");
        IndependentVerifier verifier = IndependentVerifier.find();
        Journey journey = new Journey();
        BadgeIssued before = journey.issueOne();
        String oldCredential = get(before.publicUrl());
        String oldMethod = proofMethod(oldCredential);
        assertThat(proofMethod(statusListOf(oldCredential))).isEqualTo(oldMethod);

        String newMethod = json.readTree(rotate(journey.providerId).getBody())
                .get("verificationMethod")
                .asString();
        BadgeIssued after = issueAnother(journey, "enr-after-" + journey.suffix);
        String newCredential = get(after.publicUrl());
        String profile = get(issuerId(journey));
        String unchangedList = statusListOf(newCredential);

        assertThat(proofMethod(unchangedList))
                .as("an unchanged list keeps its signature")
                .isEqualTo(oldMethod);
        IndependentVerifier.Result oldOne = verifier.verify(oldCredential, profile, List.of(unchangedList), NOW);
        IndependentVerifier.Result newOne = verifier.verify(newCredential, profile, List.of(unchangedList), NOW);
        assertThat(oldOne.verified()).as(oldOne.output()).isTrue();
        assertThat(newOne.verified()).as(newOne.output()).isTrue();
        assertThat(proofMethod(newCredential)).isEqualTo(newMethod);

        assertThat(revoke(journey.providerId, before.badgeId(), "{\"reason\": \"issued in error\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        String changedList = statusListOf(oldCredential);

        assertThat(proofMethod(changedList)).as("re-signed at its next change").isEqualTo(newMethod);
        IndependentVerifier.Result revoked = verifier.verify(oldCredential, profile, List.of(changedList), NOW);
        IndependentVerifier.Result stillGood = verifier.verify(newCredential, profile, List.of(changedList), NOW);
        assertThat(revoked.revoked()).as(revoked.output()).isTrue();
        assertThat(revoked.verified()).as(revoked.output()).isTrue();
        assertThat(stillGood.verified()).as(stillGood.output()).isTrue();
        assertThat(stillGood.revoked()).as(stillGood.output()).isFalse();
    }

    @Test
    void eachRotationAddsAKeyAndKeepsEveryEarlierOneResolvable() {
        Journey journey = new Journey();
        BadgeIssued first = journey.issueOne();
        rotate(journey.providerId);
        BadgeIssued second = issueAnother(journey, "enr-second-" + journey.suffix);
        rotate(journey.providerId);
        BadgeIssued third = issueAnother(journey, "enr-third-" + journey.suffix);

        List<String> methods = List.of(
                proofMethod(get(first.publicUrl())),
                proofMethod(get(second.publicUrl())),
                proofMethod(get(third.publicUrl())));

        assertThat(methods).doesNotHaveDuplicates();
        assertThat(json.readTree(get(issuerId(journey)))
                        .get("verificationMethod")
                        .findValuesAsString("id"))
                .containsExactlyElementsOf(methods);
        for (BadgeIssued badge : List.of(first, second, third)) {
            assertThat(verification(badge).get("status").asString()).isEqualTo("verified");
        }
    }

    @Test
    void rotatingTheKeyOfAnUnknownIssuerIsANotFoundProblem() {
        ResponseEntity<String> response = rotate("nobody-" + UUID.randomUUID());

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("type").asString())
                .isEqualTo("urn:credstack:problem:issuer-not-found");
    }

    private ResponseEntity<String> rotate(String providerId) {
        ResponseEntity<String> response = http().post()
                .uri(baseUrl() + "/api/v1/issuers/" + providerId + "/keys/rotation")
                .retrieve()
                .toEntity(String.class);
        if (response.getStatusCode().is2xxSuccessful()) {
            assertThat(response.getStatusCode().value()).isEqualTo(200);
        }
        return response;
    }

    private BadgeIssued issueAnother(Journey journey, String enrollmentId) {
        EnrollmentCompleted completed = journey.completion(enrollmentId);
        publish(completed, UUID.randomUUID());
        return journey.awaitBadgesIssuedFor(enrollmentId).stream()
                .filter(b -> b.enrollmentId().equals(enrollmentId))
                .findFirst()
                .orElseThrow();
    }

    private String issuerId(Journey journey) {
        return "http://localhost:8083/issuers/" + journey.providerId;
    }

    private String proofMethod(String signed) {
        return json.readTree(signed).at("/proof/verificationMethod").asString();
    }

    private JsonNode verification(BadgeIssued badge) {
        return json.readTree(get(badge.publicUrl() + "/verification"));
    }
}
