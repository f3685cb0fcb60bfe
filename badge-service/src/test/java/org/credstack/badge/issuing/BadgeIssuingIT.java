package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credstack.badge.TestClockConfig;
import org.credstack.badge.signing.Multikey;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.testsupport.IndependentVerifier;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Journey step 5 against the real broker and store: catalog snapshot and completion in, signed badge,
 * {@code BadgeIssued}, HTTP resolution and verification out.
 */
class BadgeIssuingIT extends IssuingIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void issuesOneSignedBadgePerEnrollmentHoweverOftenCompletionIsDelivered() {
        Journey journey = new Journey();
        journey.publishCatalog();
        EnrollmentCompleted completed = journey.completion("enr-" + journey.suffix);
        UUID eventId = UUID.randomUUID();
        double issuedBefore =
                meters.counter(IssuingMetrics.ISSUED, "kind", "initial").count();
        long timedBefore = meters.timer(IssuingMetrics.LATENCY).count();

        publish(completed, eventId);
        publish(completed, eventId); // redelivery: same ce_id
        publish(completed, UUID.randomUUID()); // re-publication: same enrollment, new ce_id
        EnrollmentCompleted marker = journey.completion("enr-marker-" + journey.suffix);
        publish(marker, UUID.randomUUID()); // same learner, same partition: handled after the duplicates

        List<BadgeIssued> issued = journey.awaitBadgesIssuedFor(completed.enrollmentId(), marker.enrollmentId());

        assertThat(issued)
                .filteredOn(e -> e.enrollmentId().equals(completed.enrollmentId()))
                .hasSize(1);
        assertThat(mongo.count(new Query(Criteria.where("enrollmentId").is(completed.enrollmentId())), "badges"))
                .isEqualTo(1);
        assertThat(meters.counter(IssuingMetrics.ISSUED, "kind", "initial").count())
                .as("the completion's badge and the marker's, no duplicate")
                .isEqualTo(issuedBefore + 2);
        assertThat(meters.timer(IssuingMetrics.LATENCY).count()).isEqualTo(timedBefore + 2);
        assertThat(mongo.count(new Query(Criteria.where("_id").is(eventId.toString())), "processedEvents"))
                .as("the badge under its enrollment is the record that the completion was handled")
                .isZero();
        BadgeIssued badge = issued.stream()
                .filter(e -> e.enrollmentId().equals(completed.enrollmentId()))
                .findFirst()
                .orElseThrow();
        assertThat(badge.learnerId()).isEqualTo(journey.learnerId);
        assertThat(badge.credentialId()).isEqualTo(journey.credentialId);
        assertThat(badge.achievementName()).isEqualTo("Cloud Security Fundamentals");
        assertThat(badge.validFrom()).isEqualTo(COMPLETED_AT);
        assertThat(badge.validUntil()).isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
        assertThat(badge.reminderDaysBefore()).containsExactly(7, 1);
        assertThat(badge.publicUrl()).isEqualTo(badge.badgeId()).startsWith("http://localhost:8083/credentials/");
        assertThat(badge.occurredAt()).isEqualTo(TestClockConfig.START);
    }

    @Test
    void servesTheSignedCredentialAndItsIssuerKeyOverHttp() {
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();

        ResponseEntity<String> response =
                http().get().uri(local(badge.publicUrl())).retrieve().toEntity(String.class);

        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/ld+json"));
        JsonNode credential = json.readTree(response.getBody());
        assertThat(credential.get("id").asString()).isEqualTo(badge.badgeId());
        String issuerId = "http://localhost:8083/issuers/" + journey.providerId;
        assertThat(credential.get("issuer").get("id").asString()).isEqualTo(issuerId);
        JsonNode proof = credential.get("proof");
        assertThat(proof.get("cryptosuite").asString()).isEqualTo("eddsa-rdfc-2022");
        String verificationMethod = proof.get("verificationMethod").asString();
        assertThat(verificationMethod).startsWith(issuerId + "#z6Mk");

        JsonNode issuer =
                json.readTree(http().get().uri(local(issuerId)).retrieve().body(String.class));
        assertThat(issuer.get("id").asString()).isEqualTo(issuerId);
        assertThat(issuer.get("type").asString()).isEqualTo("Profile");
        assertThat(issuer.get("name").asString()).isEqualTo("Example Academy");
        assertThat(issuer.get("@context").get(0).asString()).isEqualTo("https://www.w3.org/ns/did/v1");
        assertThat(issuer.get("assertionMethod").get(0).asString()).isEqualTo(verificationMethod);
        JsonNode method = issuer.get("verificationMethod").get(0);
        assertThat(method.get("id").asString()).isEqualTo(verificationMethod);
        assertThat(method.get("type").asString()).isEqualTo("Multikey");
        assertThat(method.get("controller").asString()).isEqualTo(issuerId);
        assertThat(Multikey.encode(
                        Multikey.decode(method.get("publicKeyMultibase").asString())))
                .isEqualTo(verificationMethod.substring(verificationMethod.indexOf('#') + 1));
    }

    @Test
    void verifiesAnIssuedCredentialThenReportsTamperingAndExpiry() {
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();
        String verification = URI.create(local(badge.publicUrl())) + "/verification";

        JsonNode report =
                json.readTree(http().get().uri(verification).retrieve().body(String.class));
        assertThat(report.get("status").asString()).isEqualTo("verified");
        assertThat(report.get("checks").get("proof").get("status").asString()).isEqualTo("valid");
        assertThat(report.get("checks").get("validity").get("status").asString())
                .isEqualTo("valid");
        assertThat(report.get("checks").get("schema").get("status").asString()).isEqualTo("valid");

        ObjectNode tampered = (ObjectNode) json.readTree(
                http().get().uri(local(badge.publicUrl())).retrieve().body(String.class));
        ((ObjectNode) tampered.get("credentialSubject").get("achievement")).put("name", "Cloud Security Expert");
        JsonNode tamperedReport = verify(tampered);
        assertThat(tamperedReport.get("status").asString()).isEqualTo("invalid");
        assertThat(tamperedReport.get("checks").get("proof").get("status").asString())
                .isEqualTo("invalid");
        assertThat(tamperedReport.get("checks").get("schema").get("status").asString())
                .isEqualTo("valid");

        clock.set(Instant.parse("2024-02-29T10:00:01Z"));
        JsonNode expired =
                json.readTree(http().get().uri(verification).retrieve().body(String.class));
        assertThat(expired.get("status").asString()).isEqualTo("expired");
        assertThat(expired.get("checks").get("proof").get("status").asString()).isEqualTo("valid");
        assertThat(expired.get("checks").get("validity").get("status").asString())
                .isEqualTo("expired");
    }

    @Test
    void listsEachCredentialIssuedToALearnerOnceWithItsValidityAndPublicUrl() {
        Journey journey = new Journey();
        journey.publishCatalog();
        EnrollmentCompleted first = journey.completion("enr-a-" + journey.suffix);
        EnrollmentCompleted second = journey.completion("enr-b-" + journey.suffix);
        publish(first, UUID.randomUUID());
        publish(first, UUID.randomUUID()); // a re-publication issues nothing more
        publish(second, UUID.randomUUID());
        List<BadgeIssued> issued = journey.awaitBadgesIssuedFor(first.enrollmentId(), second.enrollmentId());

        JsonNode listed = json.readTree(http().get()
                .uri("http://localhost:" + port + "/api/v1/learners/" + journey.learnerId + "/credentials")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.learner(journey.learnerId)))
                .retrieve()
                .body(String.class));

        assertThat(listed.size()).isEqualTo(2);
        assertThat(listed.valueStream().map(c -> c.get("enrollmentId").asString()))
                .containsExactlyInAnyOrder(first.enrollmentId(), second.enrollmentId());
        JsonNode entry = listed.valueStream()
                .filter(c -> c.get("enrollmentId").asString().equals(first.enrollmentId()))
                .findFirst()
                .orElseThrow();
        BadgeIssued badge = issued.stream()
                .filter(e -> e.enrollmentId().equals(first.enrollmentId()))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("publicUrl").asString()).isEqualTo(badge.publicUrl());
        assertThat(badge.publicUrl()).endsWith("/credentials/" + entry.get("id").asString());
        assertThat(entry.get("credentialId").asString()).isEqualTo(journey.credentialId);
        assertThat(entry.get("achievementName").asString()).isEqualTo("Cloud Security Fundamentals");
        assertThat(Instant.parse(entry.get("validFrom").asString())).isEqualTo(COMPLETED_AT);
        assertThat(Instant.parse(entry.get("validUntil").asString())).isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
        assertThat(Instant.parse(entry.get("issuedAt").asString())).isEqualTo(TestClockConfig.START);
    }

    @Test
    void listsNoCredentialsForALearnerWithoutAny() {
        String nobody = "nobody-" + UUID.randomUUID();
        ResponseEntity<String> response = http().get()
                .uri("http://localhost:" + port + "/api/v1/learners/" + nobody + "/credentials")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.learner(nobody)))
                .retrieve()
                .toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(response.getBody()).isArray()).isTrue();
        assertThat(json.readTree(response.getBody()).size()).isZero();
    }

    @Test
    void answersProblemJsonForAnUnknownCredentialAndANonCredentialBody() {
        ResponseEntity<String> missing = http().get()
                .uri("http://localhost:" + port + "/credentials/" + UUID.randomUUID())
                .retrieve()
                .toEntity(String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(missing.getBody()).get("title").asString()).isEqualTo("Credential not found");
        assertThat(json.readTree(missing.getBody()).get("type").asString())
                .isEqualTo("urn:credstack:problem:credential-not-found");

        ResponseEntity<String> notACredential = http().post()
                .uri("http://localhost:" + port + "/api/v1/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .body("[1, 2]")
                .retrieve()
                .toEntity(String.class);
        assertThat(notACredential.getStatusCode().value()).isEqualTo(400);
        assertThat(notACredential.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(notACredential.getBody()).get("type").asString())
                .isEqualTo("urn:credstack:problem:not-a-credential");
        assertThat(json.readTree(notACredential.getBody())
                        .at("/errors/0/pointer")
                        .stringValue())
                .as("the whole body")
                .isEmpty();

        ResponseEntity<String> unknownIssuer = http().get()
                .uri("http://localhost:" + port + "/issuers/nobody")
                .retrieve()
                .toEntity(String.class);
        assertThat(unknownIssuer.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(unknownIssuer.getBody()).get("type").asString())
                .isEqualTo("urn:credstack:problem:issuer-not-found");
    }

    @Test
    void digitalBazaarVerifierAcceptsTheIssuedCredentialOfflineAndRejectsATamperedCopy() {
        assumeTrue(IndependentVerifier.available(), "node is not installed; CI runs this with node 20");
        IndependentVerifier verifier = IndependentVerifier.find();
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();
        String credential =
                http().get().uri(local(badge.publicUrl())).retrieve().body(String.class);
        String controller = http().get()
                .uri("http://localhost:" + port + "/issuers/" + journey.providerId)
                .retrieve()
                .body(String.class);
        ObjectNode tampered = (ObjectNode) json.readTree(credential);
        tampered.put("validFrom", "2024-01-01T00:00:00Z");
        Instant now = Instant.parse("2024-02-10T12:00:00Z");

        List<String> statusList = List.of(statusListOf(credential));

        IndependentVerifier.Result genuine = verifier.verify(credential, controller, statusList, now);
        IndependentVerifier.Result forged =
                verifier.verify(json.writeValueAsString(tampered), controller, statusList, now);

        assertThat(genuine.verified()).as(genuine.output()).isTrue();
        assertThat(genuine.revoked()).as(genuine.output()).isFalse();
        assertThat(genuine.exitCode()).isZero();
        assertThat(forged.verified()).as(forged.output()).isFalse();
        assertThat(forged.exitCode()).isEqualTo(1);
        assertThat(forged.output()).contains("Invalid signature");
    }

    /** Our public URLs name the configured base; the test server listens on a random port. */
    @Test
    void aRenewalCompletedEarlyRunsOnFromTheOldValidUntilAndTheOldCredentialLaterVerifiesAsExpired() {
        Journey journey = new Journey();
        BadgeIssued old = journey.issueOne(); // valid 2024-01-31T10:00Z .. 2024-02-29T10:00Z (P1M, Europe/Berlin)
        Instant renewedAt = Instant.parse("2024-02-20T10:00:00Z");

        BadgeIssued renewed = journey.renew(old, "ren-" + journey.suffix, renewedAt);

        assertThat(renewed.renewalOf()).isEqualTo(old.badgeId());
        assertThat(renewed.badgeId()).isNotEqualTo(old.badgeId());
        assertThat(renewed.validFrom()).isEqualTo(renewedAt);
        assertThat(renewed.validUntil()).isEqualTo(Instant.parse("2024-03-29T10:00:00Z"));
        JsonNode oldCredential = credential(old);
        JsonNode newCredential = credential(renewed);
        assertThat(newCredential.at("/credentialSubject/achievement/id"))
                .isEqualTo(oldCredential.at("/credentialSubject/achievement/id"));
        assertThat(newCredential.at("/awardedDate").asString()).isEqualTo(renewedAt.toString());
        JsonNode identity = newCredential.at("/credentialSubject/identifier/0");
        assertThat(identity.get("identityHash").asString())
                .isEqualTo(IdentityHash.ofEmail(
                        "Ada.Lovelace@example.org", identity.get("salt").asString()));

        clock.set(Instant.parse("2024-02-21T00:00:00Z"));
        assertThat(verification(old).get("status").asString()).isEqualTo("verified");
        assertThat(verification(renewed).get("status").asString()).isEqualTo("verified");
        clock.set(Instant.parse("2024-03-01T00:00:00Z"));
        JsonNode oldReport = verification(old);
        assertThat(oldReport.get("status").asString()).isEqualTo("expired");
        assertThat(oldReport.at("/checks/proof/status").asString()).isEqualTo("valid");
        assertThat(verification(renewed).get("status").asString()).isEqualTo("verified");
        JsonNode history = json.readTree(http().get()
                .uri("http://localhost:" + port + "/api/v1/learners/" + journey.learnerId + "/credentials")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.learner(journey.learnerId)))
                .retrieve()
                .body(String.class));
        assertThat(history.findValuesAsString("publicUrl")).containsExactly(old.publicUrl(), renewed.publicUrl());
        assertThat(history.get(1).get("renewalOf").asString()).isEqualTo(old.badgeId());
    }

    @Test
    void aLapsedRenewalCompletedInTheGracePeriodRunsFromItsCompletionOnTheIssuersCalendar() {
        Journey journey = new Journey();
        BadgeIssued old = journey.issueOne(); // valid until 2024-02-29T10:00Z
        Instant renewedAt = Instant.parse("2024-03-05T10:00:00Z");

        BadgeIssued renewed = journey.renew(old, "ren-" + journey.suffix, renewedAt);

        assertThat(renewed.renewalOf()).isEqualTo(old.badgeId());
        assertThat(renewed.validFrom()).isEqualTo(renewedAt);
        // 11:00 CET + P1M = 2024-04-05 11:00 CEST, after Berlin moved its clocks on 2024-03-31
        assertThat(renewed.validUntil()).isEqualTo(Instant.parse("2024-04-05T09:00:00Z"));
    }

    private JsonNode credential(BadgeIssued badge) {
        return json.readTree(
                http().get().uri(local(badge.publicUrl())).retrieve().body(String.class));
    }

    private JsonNode verification(BadgeIssued badge) {
        return json.readTree(http().get()
                .uri(local(badge.publicUrl()) + "/verification")
                .retrieve()
                .body(String.class));
    }
}
