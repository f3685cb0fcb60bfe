package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.credstack.events.Topic;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.badge.BadgeRevoked;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.testsupport.TestBroker;
import org.credstack.testsupport.security.ActuatorAccess;
import org.credstack.testsupport.security.AuthorizationMatrix;
import org.credstack.testsupport.security.Rule;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what in the badge service (issue 8, docs/authz-badge-notification.md): every operation of its
 * OpenAPI document as every kind of caller, and refused revocations that leave the badge as it was.
 */
class BadgeAuthorizationMatrixIT extends IssuingIntegrationTest {

    static final String REASON = "{\"reason\": \"issued in error\"}";

    @Test
    void prometheusScrapesWithoutATokenAndTheMetricsStayWithOperators() {
        ActuatorAccess.verify(baseUrl(), "badge-service");
    }

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() {
        Journey journey = new Journey();
        journey.publishCatalog();
        // the refused callers all try to revoke the kept badge; the two allowed ones each revoke one of their own
        List<BadgeIssued> issued = issue(journey, "kept", "by-staff", "by-operator");
        BadgeIssued kept = issued.get(0);
        BadgeIssued byStaff = issued.get(1);
        BadgeIssued byOperator = issued.get(2);
        String credential = get(kept.publicUrl());

        AuthorizationMatrix.of(baseUrl(), journey.learnerId, journey.providerId)
                .storesNothingWhenRefused(() -> storedState(kept, journey.providerId))
                .storesNothingWhenRefused(() -> mongo.getCollection("auditLog").countDocuments())
                .storesNothingWhenRefused(
                        () -> mongo.getCollection("displayNames").countDocuments())
                .variable("id", uuid(kept))
                .rule(
                        Rule.anyone(),
                        "GET /credentials/{id}",
                        "GET /credentials/{id}/verification",
                        "GET /credentials/{id}/badge.png",
                        "GET /credentials/{id}/badge.svg",
                        "GET /credentials/{id}/certificate.pdf")
                .rule("GET /issuers/{providerId}", Rule.anyone())
                .rule("GET /status-lists/{providerId}/{list}", Rule.anyone().with("list", "0"))
                .rule("POST /api/v1/verify", Rule.anyone().body(credential))
                .rule(
                        Rule.learner(),
                        "GET /api/v1/learners/{learnerId}/credentials",
                        "GET /api/v1/learners/{learnerId}/stacks",
                        "GET /api/v1/learners/{learnerId}/stacks/{stackCredentialId}/clr")
                .rule("GET /credentials/{id}/display-name", Rule.anyone())
                .rule(
                        "PUT /api/v1/learners/{learnerId}/credentials/{id}/display-name",
                        Rule.learner().body("{\"name\": \"Ada\"}"))
                .rule(
                        "POST /api/v1/providers/{providerId}/credentials/{badgeId}/revocation",
                        Rule.providerStaff().body(REASON).with("badgeId", kind -> switch (kind) {
                            case STAFF_OWN_PROVIDER -> uuid(byStaff);
                            case OPERATOR -> uuid(byOperator);
                            default -> uuid(kept);
                        }))
                .rule("GET /api/v1/providers/{providerId}/credentials", Rule.providerStaff())
                .rule("POST /api/v1/issuers/{providerId}/keys/rotation", Rule.operator())
                .rule(
                        Rule.operator(),
                        "GET /api/v1/dead-letters",
                        "GET /api/v1/audit-log",
                        "GET /api/v1/operations/consumer-lag",
                        "GET /api/v1/operations/last-hour")
                .rule(
                        "POST /api/v1/dead-letters/{dlqTopic}/{partition}/{offset}/replay",
                        Rule.operator().with("partition", "0").with("offset", "0"))
                .verify();

        assertThat(badgeDocument(kept).get("revokedAt"))
                .as("refused revocations")
                .isNull();
        assertThat(badgeDocument(byStaff).get("revokedAt"))
                .as("revoked by its provider's staff")
                .isNotNull();
        assertThat(badgeDocument(byOperator).get("revokedAt"))
                .as("revoked by an operator")
                .isNotNull();
        assertThat(revokedBadgeIds(journey)).containsExactlyInAnyOrder(byStaff.badgeId(), byOperator.badgeId());
    }

    @Test
    void revocationsByAnotherProvidersStaffALearnerOrAPartnerLeaveTheBadgeUnrevokedAndPublishNothing() {
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();
        List<String> callers = List.of(
                TestTokens.staff("other-" + journey.providerId),
                TestTokens.learner(journey.learnerId),
                TestTokens.partner(journey.providerId));
        List<String> spoiled = List.of(
                TestTokens.expired(TestTokens.staff(journey.providerId)),
                TestTokens.forged(TestTokens.staff(journey.providerId)),
                TestTokens.unsigned(TestTokens.staff(journey.providerId)));

        List<ResponseEntity<String>> forbidden = new ArrayList<>();
        for (String token : callers) {
            forbidden.add(revoke(journey.providerId, badge.badgeId(), REASON, TestTokens.bearer(token)));
        }
        List<ResponseEntity<String>> unauthorized = new ArrayList<>();
        unauthorized.add(revoke(journey.providerId, badge.badgeId(), REASON, null));
        for (String token : spoiled) {
            unauthorized.add(revoke(journey.providerId, badge.badgeId(), REASON, TestTokens.bearer(token)));
        }

        assertProblems(forbidden, 403, "urn:credstack:problem:forbidden");
        assertProblems(unauthorized, 401, "urn:credstack:problem:unauthorized");
        assertThat(unauthorized)
                .allSatisfy(response -> assertThat(response.getHeaders().getFirst("WWW-Authenticate"))
                        .startsWith("Bearer"));
        Document stored = badgeDocument(badge);
        assertThat(stored.get("revokedAt")).isNull();
        assertThat(stored.get("revocationReason")).isNull();
        assertThat(stored.getList("pendingEvents", Document.class)).isNullOrEmpty();
        assertThat(json.readTree(get(badge.publicUrl() + "/verification"))
                        .get("status")
                        .asString())
                .isEqualTo("verified");
        assertThat(revokedBadgeIds(journey)).isEmpty();
    }

    /** Publishes completions of the journey's credential and waits for their badges, in the order given. */
    private List<BadgeIssued> issue(Journey journey, String... names) {
        List<String> enrollmentIds = new ArrayList<>();
        for (String name : names) {
            EnrollmentCompleted completed = journey.completion("enr-" + name + "-" + journey.suffix);
            enrollmentIds.add(completed.enrollmentId());
            publish(completed, UUID.randomUUID());
        }
        List<BadgeIssued> issued = journey.awaitBadgesIssuedFor(enrollmentIds.toArray(String[]::new));
        return enrollmentIds.stream()
                .map(id -> issued.stream()
                        .filter(e -> e.enrollmentId().equals(id))
                        .findFirst()
                        .orElseThrow())
                .toList();
    }

    /**
     * The badge ids of every {@code BadgeRevoked} of the journey's learner: read up to the {@code BadgeIssued} of a
     * marker completion published now (same learner, same partition, so it comes after any revocation made
     * before).
     */
    private List<String> revokedBadgeIds(Journey journey) {
        EnrollmentCompleted marker = journey.completion("enr-marker-" + UUID.randomUUID());
        publish(marker, UUID.randomUUID());
        return TestBroker.events(
                        broker.readUntil(
                                Topic.BADGE_EVENTS_V1,
                                journey.learnerId,
                                read -> TestBroker.events(read, BadgeIssued.class).stream()
                                        .anyMatch(e -> e.enrollmentId().equals(marker.enrollmentId())),
                                Duration.ofSeconds(60)),
                        BadgeRevoked.class)
                .stream()
                .map(BadgeRevoked::badgeId)
                .toList();
    }

    /**
     * What a refused write must leave alone: the number of badges, the refused callers' badge (revocation, reason,
     * staged events) and the issuer's keys.
     */
    private List<Object> storedState(BadgeIssued kept, String providerId) {
        Document badge = badgeDocument(kept);
        Document issuer = mongo.findById(providerId, Document.class, "issuers");
        return List.of(
                mongo.count(new Query(), "badges"),
                String.valueOf(badge.get("revokedAt")),
                String.valueOf(badge.get("revocationReason")),
                String.valueOf(badge.get("pendingEvents")),
                issuer == null ? 0 : issuer.getList("keys", Document.class).size());
    }

    private void assertProblems(List<ResponseEntity<String>> responses, int status, String type) {
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as(response.getHeaders().getContentType().toString())
                    .isTrue();
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.get("type").asString()).isEqualTo(type);
        });
    }

    private Document badgeDocument(BadgeIssued badge) {
        return mongo.findOne(new Query(Criteria.where("_id").is(uuid(badge))), Document.class, "badges");
    }

    private static String uuid(BadgeIssued badge) {
        return badge.badgeId().substring(badge.badgeId().lastIndexOf('/') + 1);
    }
}
