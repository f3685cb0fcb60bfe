package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.credstack.badge.TestClockConfig;
import org.credstack.badge.issuer.IssuerKey;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.signing.DataIntegritySigner;
import org.credstack.badge.signing.ProofOptions;
import org.credstack.badge.status.BitstringStatusList;
import org.credstack.events.Topic;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.badge.BadgeRevoked;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.testsupport.IndependentVerifier;
import org.credstack.testsupport.TestBroker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revocation against the real broker and store: the endpoint, {@code BadgeRevoked} through the outbox, the signed
 * status list, our verification and the DigitalBazaar verifier (docs/lifecycle/revocation.md).
 */
class RevocationIT extends IssuingIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    BadgeRevocation revocation;

    @Autowired
    Issuers issuers;

    @Autowired
    DataIntegritySigner signer;

    @Test
    void revokesOnceWithTheFirstReasonAndPublishesBadgeRevokedOnce() {
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();
        JsonNode status = json.readTree(get(badge.publicUrl())).get("credentialStatus");
        double revokedBefore = meters.counter(IssuingMetrics.REVOKED).count();

        ResponseEntity<String> first = revoke(journey.providerId, badge.badgeId(), "{\"reason\": \"issued in error\"}");
        clock.set(TestClockConfig.START.plusSeconds(60));
        ResponseEntity<String> again = revoke(journey.providerId, badge.badgeId(), "{\"reason\": \"issued in error\"}");
        ResponseEntity<String> otherReason = revoke(journey.providerId, badge.badgeId(), "{\"reason\": \"fraud\"}");

        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        assertThat(meters.counter(IssuingMetrics.REVOKED).count())
                .as("revoking again counts nothing")
                .isEqualTo(revokedBefore + 1);
        JsonNode revoked = json.readTree(first.getBody());
        assertThat(revoked.get("badgeId").asString()).isEqualTo(badge.badgeId());
        assertThat(revoked.get("reason").asString()).isEqualTo("issued in error");
        assertThat(Instant.parse(revoked.get("revokedAt").asString())).isEqualTo(TestClockConfig.START);
        assertThat(revoked.get("statusListCredential").asString())
                .isEqualTo(status.get("statusListCredential").asString());
        assertThat(revoked.get("statusListIndex").asInt())
                .isEqualTo(Integer.parseInt(status.get("statusListIndex").asString()));
        assertThat(json.readTree(again.getBody())).isEqualTo(revoked);
        assertThat(json.readTree(otherReason.getBody()))
                .as("the first revocation stands")
                .isEqualTo(revoked);

        Document stored = badgeDocument(badge);
        assertThat(stored.getDate("revokedAt").toInstant()).isEqualTo(TestClockConfig.START);
        assertThat(stored.getString("revocationReason")).isEqualTo("issued in error");
        assertThat(stored.containsKey("statusListPending")).as("entry set").isFalse();
        assertThat(stored.getList("pendingEvents", Document.class)).isEmpty();

        EnrollmentCompleted marker = journey.completion("enr-marker-" + journey.suffix);
        publish(marker, UUID.randomUUID()); // same learner, same partition: its BadgeIssued comes after
        List<BadgeRevoked> revocations = TestBroker.events(
                broker.readUntil(
                        Topic.BADGE_EVENTS_V1,
                        journey.learnerId,
                        read -> TestBroker.events(read, BadgeIssued.class).stream()
                                .anyMatch(e -> e.enrollmentId().equals(marker.enrollmentId())),
                        Duration.ofSeconds(60)),
                BadgeRevoked.class);
        assertThat(revocations).hasSize(1);
        assertThat(revocations.getFirst().badgeId()).isEqualTo(badge.badgeId());
        assertThat(revocations.getFirst().learnerId()).isEqualTo(journey.learnerId);
        assertThat(revocations.getFirst().reason()).isEqualTo("issued in error");
        assertThat(revocations.getFirst().occurredAt()).isEqualTo(TestClockConfig.START);
    }

    @Test
    void answersProblemsForAWrongProviderAnUnknownCredentialAndABadBodyAndChangesNothing() {
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();

        ResponseEntity<String> wrongProvider = revoke("someone-else", badge.badgeId(), "{\"reason\": \"x\"}");
        ResponseEntity<String> unknown =
                revoke(journey.providerId, UUID.randomUUID().toString(), "{\"reason\": \"x\"}");
        ResponseEntity<String> noReason = revoke(journey.providerId, badge.badgeId(), "{}");
        ResponseEntity<String> blank = revoke(journey.providerId, badge.badgeId(), "{\"reason\": \"   \"}");
        ResponseEntity<String> tooLong =
                revoke(journey.providerId, badge.badgeId(), "{\"reason\": \"" + "x".repeat(1001) + "\"}");
        ResponseEntity<String> notJson = revoke(journey.providerId, badge.badgeId(), "reason=fraud");

        for (ResponseEntity<String> missing : List.of(wrongProvider, unknown)) {
            assertThat(missing.getStatusCode().value()).isEqualTo(404);
            assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(missing.getBody()).get("type").asString())
                    .isEqualTo("urn:credstack:problem:credential-not-found");
        }
        for (ResponseEntity<String> bad : List.of(noReason, blank, tooLong)) {
            assertThat(bad.getStatusCode().value()).as(bad.getBody()).isEqualTo(400);
            assertThat(json.readTree(bad.getBody()).get("type").asString())
                    .isEqualTo("urn:credstack:problem:invalid-request");
            assertThat(json.readTree(bad.getBody()).at("/errors/0/field").asString())
                    .isEqualTo("reason");
        }
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(notJson.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        Document stored = badgeDocument(badge);
        assertThat(stored.get("revokedAt")).isNull();
        assertThat(stored.get("revocationReason")).isNull();
        assertThat(verification(badge).get("status").asString()).isEqualTo("verified");
    }

    @Test
    void verificationSaysRevokedWithTheReasonWhileTheProofStaysValid() {
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();
        JsonNode before = verification(badge);
        assertThat(before.get("status").asString()).isEqualTo("verified");
        assertThat(before.at("/checks/credentialStatus/status").asString()).isEqualTo("valid");

        revoke(journey.providerId, badge.badgeId(), "{\"reason\": \"assessment found to be copied\"}");

        JsonNode after = verification(badge);
        assertThat(after.get("status").asString()).isEqualTo("revoked");
        assertThat(after.at("/checks/proof/status").asString()).isEqualTo("valid");
        assertThat(after.at("/checks/schema/status").asString()).isEqualTo("valid");
        assertThat(after.at("/checks/credentialStatus/status").asString()).isEqualTo("revoked");
        assertThat(after.at("/checks/credentialStatus/reason").asString()).isEqualTo("assessment found to be copied");
        assertThat(Instant.parse(after.at("/checks/credentialStatus/revokedAt").asString()))
                .isEqualTo(TestClockConfig.START);
        JsonNode posted = verify(json.readTree(get(badge.publicUrl())));
        assertThat(posted.get("status").asString()).isEqualTo("revoked");

        String credential = get(badge.publicUrl());
        JsonNode list = json.readTree(statusListOf(credential));
        int index = Integer.parseInt(json.readTree(credential)
                .at("/credentialStatus/statusListIndex")
                .asString());
        assertThat(BitstringStatusList.decode(
                                list.at("/credentialSubject/encodedList").asString())
                        .isSet(index))
                .isTrue();
    }

    @Test
    void aCredentialWhoseStatusListCannotBeReadIsNotVerified() {
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();
        ObjectNode elsewhere = (ObjectNode) json.readTree(get(badge.publicUrl()));
        elsewhere.remove("proof");
        ObjectNode status = (ObjectNode) elsewhere.get("credentialStatus");
        status.put("statusListCredential", "https://status.elsewhere.example/lists/1");
        status.put("id", "https://status.elsewhere.example/lists/1#7");
        elsewhere.put("id", "https://elsewhere.example/credentials/1"); // not ours: no badge to fall back on
        IssuerKey key = issuers.signingKey(journey.providerId);
        ObjectNode signed = signer.sign(
                elsewhere, ProofOptions.assertionMethod(key.verificationMethod(), clock.instant()), key.privateKey());

        JsonNode report = verify(signed);

        assertThat(report.at("/checks/proof/status").asString()).isEqualTo("valid");
        assertThat(report.at("/checks/credentialStatus/status").asString()).isEqualTo("unverifiable");
        assertThat(report.at("/checks/credentialStatus/cause").asString()).isEqualTo("status list unreachable");
        // fetched for real: a .example host never resolves (RFC 2606), and the detail names the list
        assertThat(report.at("/checks/credentialStatus/detail").asString())
                .contains("https://status.elsewhere.example/lists/1");
        assertThat(report.get("status").asString()).isNotEqualTo("verified").isEqualTo("unverifiable");
    }

    @Test
    void setsTheStatusEntryThatACrashLeftPendingOnTheNextSweep() {
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();
        String id = badge.badgeId().substring(badge.badgeId().lastIndexOf('/') + 1);
        // the state a crash right after the revocation's write leaves: revoked, entry not yet set
        mongo.updateFirst(
                new Query(Criteria.where("_id").is(id)),
                new Update()
                        .set("revokedAt", TestClockConfig.START)
                        .set("revocationReason", "left by a crash")
                        .set("statusListPending", true),
                "badges");
        String credential = get(badge.publicUrl());
        int index = Integer.parseInt(json.readTree(credential)
                .at("/credentialStatus/statusListIndex")
                .asString());
        assertThat(isSet(statusListOf(credential), index)).isFalse();

        revocation.catchUp();

        assertThat(isSet(statusListOf(credential), index)).isTrue();
        assertThat(badgeDocument(badge).containsKey("statusListPending")).isFalse();
        assertThat(verification(badge).at("/checks/credentialStatus/reason").asString())
                .isEqualTo("left by a crash");
    }

    @Test
    void aRevokedCredentialIsNotIssuedAgainForItsEnrollmentButANewEnrollmentEarnsANewOne() {
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();
        revoke(journey.providerId, badge.badgeId(), "{\"reason\": \"assessment found to be copied\"}");

        publish(journey.completion(badge.enrollmentId()), UUID.randomUUID()); // a re-published completion
        EnrollmentCompleted again = journey.completion("enr-again-" + journey.suffix);
        publish(again, UUID.randomUUID());
        List<BadgeIssued> issued = journey.awaitBadgesIssuedFor(badge.enrollmentId(), again.enrollmentId());

        assertThat(issued)
                .filteredOn(e -> e.enrollmentId().equals(badge.enrollmentId()))
                .hasSize(1);
        assertThat(mongo.count(new Query(Criteria.where("enrollmentId").is(badge.enrollmentId())), "badges"))
                .isEqualTo(1);
        assertThat(verification(badge).get("status").asString()).isEqualTo("revoked");
        BadgeIssued earnedAgain = issued.stream()
                .filter(e -> e.enrollmentId().equals(again.enrollmentId()))
                .findFirst()
                .orElseThrow();
        assertThat(earnedAgain.badgeId()).isNotEqualTo(badge.badgeId());
        assertThat(verification(earnedAgain).get("status").asString()).isEqualTo("verified");
        assertThat(json.readTree(get(earnedAgain.publicUrl())).at("/credentialStatus/statusListIndex"))
                .isNotEqualTo(json.readTree(get(badge.publicUrl())).at("/credentialStatus/statusListIndex"));
    }

    @Test
    void digitalBazaarVerifierReportsTheRevokedCredentialRevokedAndTheOtherNot() {
        assumeTrue(IndependentVerifier.available(), "node is not installed; CI runs this with node 20");
        IndependentVerifier verifier = IndependentVerifier.find();
        Journey journey = new Journey();
        journey.publishCatalog();
        EnrollmentCompleted kept = journey.completion("enr-kept-" + journey.suffix);
        EnrollmentCompleted withdrawn = journey.completion("enr-revoked-" + journey.suffix);
        publish(kept, UUID.randomUUID());
        publish(withdrawn, UUID.randomUUID());
        List<BadgeIssued> issued = journey.awaitBadgesIssuedFor(kept.enrollmentId(), withdrawn.enrollmentId());
        BadgeIssued revokedBadge = issued.stream()
                .filter(e -> e.enrollmentId().equals(withdrawn.enrollmentId()))
                .findFirst()
                .orElseThrow();
        BadgeIssued keptBadge = issued.stream()
                .filter(e -> e.enrollmentId().equals(kept.enrollmentId()))
                .findFirst()
                .orElseThrow();
        revoke(journey.providerId, revokedBadge.badgeId(), "{\"reason\": \"issued in error\"}");
        String controller = get(baseUrl() + "/issuers/" + journey.providerId);
        String revokedCredential = get(revokedBadge.publicUrl());
        String keptCredential = get(keptBadge.publicUrl());
        List<String> statusList = List.of(statusListOf(revokedCredential));
        Instant now = Instant.parse("2024-02-10T12:00:00Z");

        IndependentVerifier.Result revoked = verifier.verify(revokedCredential, controller, statusList, now);
        IndependentVerifier.Result notRevoked = verifier.verify(keptCredential, controller, statusList, now);

        assertThat(revoked.verified()).as(revoked.output()).isTrue();
        assertThat(revoked.revoked()).as(revoked.output()).isTrue();
        assertThat(revoked.exitCode()).isEqualTo(1);
        assertThat(notRevoked.verified()).as(notRevoked.output()).isTrue();
        assertThat(notRevoked.revoked()).as(notRevoked.output()).isFalse();
        assertThat(notRevoked.exitCode()).isZero();
    }

    JsonNode verification(BadgeIssued badge) {
        return json.readTree(get(badge.publicUrl() + "/verification"));
    }

    Document badgeDocument(BadgeIssued badge) {
        return mongo.findById(
                badge.badgeId().substring(badge.badgeId().lastIndexOf('/') + 1), Document.class, "badges");
    }

    boolean isSet(String statusList, int index) {
        return BitstringStatusList.decode(json.readTree(statusList)
                        .at("/credentialSubject/encodedList")
                        .asString())
                .isSet(index);
    }
}
