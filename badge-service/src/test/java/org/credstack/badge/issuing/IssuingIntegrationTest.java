package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credstack.badge.TestClockConfig;
import org.credstack.events.Topic;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.catalog.CredentialPublished;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.RenewalPolicy;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.events.enrollment.EnrollmentKind;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.credstack.testsupport.TestBroker;
import org.credstack.testsupport.TestClock;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * What the issuing and revocation tests share: the test clock, HTTP shortcuts, and a {@link Journey} that publishes
 * a catalog version and completions of its own.
 */
@Import(TestClockConfig.class)
abstract class IssuingIntegrationTest extends ServiceIntegrationTest {

    static final Instant COMPLETED_AT = Instant.parse("2024-01-31T10:00:00Z");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfig.START);
    }

    JsonNode verify(JsonNode credential) {
        return json.readTree(http().post()
                .uri("http://localhost:" + port + "/api/v1/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(credential))
                .retrieve()
                .body(String.class));
    }

    /** The body of a GET on one of our public URLs. */
    String get(String publicUrl) {
        return http().get().uri(local(publicUrl)).retrieve().body(String.class);
    }

    /** The signed status list credential that a credential's {@code credentialStatus} names. */
    String statusListOf(String credential) {
        return get(json.readTree(credential)
                .get("credentialStatus")
                .get("statusListCredential")
                .asString());
    }

    /**
     * {@code POST /api/v1/providers/{providerId}/credentials/{uuid}/revocation} with a raw JSON body, as staff of
     * that provider.
     */
    ResponseEntity<String> revoke(String providerId, String badgeId, String body) {
        return revoke(providerId, badgeId, body, TestTokens.bearer(TestTokens.staff(providerId)));
    }

    /** The same revocation with this {@code Authorization} header; {@code null} sends none. */
    ResponseEntity<String> revoke(String providerId, String badgeId, String body, String authorization) {
        return http().post()
                .uri(baseUrl() + "/api/v1/providers/" + providerId + "/credentials/"
                        + badgeId.substring(badgeId.lastIndexOf('/') + 1) + "/revocation")
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(String.class);
    }

    /** Our public URLs name the configured base; the test server listens on a random port. */
    String local(String publicUrl) {
        return "http://localhost:" + port + URI.create(publicUrl).getRawPath();
    }

    RestClient http() {
        return RestClient.builder()
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    void publish(Object event, UUID id) {
        broker.publish(event, id, clock.instant());
    }

    /** One provider, credential and learner of its own, so tests sharing the context stay apart. */
    class Journey {

        final String suffix = UUID.randomUUID().toString().substring(0, 8);
        final String providerId = "prov-" + suffix;
        final String credentialId = "cred-" + suffix;
        final String learnerId = "learner-" + suffix;

        void publishCatalog() {
            CredentialSnapshot template = OpenBadgeCredentialsTest.snapshot("P1M");
            CredentialSnapshot snapshot = new CredentialSnapshot(
                    credentialId,
                    3,
                    template.status(),
                    template.ctid(),
                    template.title(),
                    template.description(),
                    template.kind(),
                    template.category(),
                    new CredentialSnapshot.ProviderSnapshot(
                            providerId,
                            "Example Academy",
                            "https://academy.example.org",
                            "badges@example.org",
                            "Europe/Berlin"),
                    template.skills(),
                    template.alignments(),
                    template.deliveryModes(),
                    template.level(),
                    template.estimatedDuration(),
                    template.cost(),
                    template.assignments(),
                    template.completionRule(),
                    "P1M",
                    new RenewalPolicy("P30D", "Retake the quiz", List.of(), List.of(7, 1)),
                    template.image(),
                    null,
                    Instant.parse("2023-12-01T00:00:00Z"));
            publish(
                    new CredentialPublished(credentialId, snapshot, Instant.parse("2023-12-01T00:00:00Z")),
                    UUID.randomUUID());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> http().get()
                            .uri("http://localhost:" + port + "/issuers/" + providerId)
                            .retrieve()
                            .toEntity(String.class)
                            .getStatusCode()
                            .is2xxSuccessful());
        }

        EnrollmentCompleted completion(String enrollmentId) {
            return new EnrollmentCompleted(
                    enrollmentId,
                    learnerId,
                    credentialId,
                    3,
                    EnrollmentKind.INITIAL,
                    null,
                    "Ada.Lovelace@example.org",
                    "Ada Lovelace",
                    COMPLETED_AT);
        }

        List<BadgeIssued> awaitBadgesIssuedFor(String... enrollmentIds) {
            List<String> expected = List.of(enrollmentIds);
            List<BadgeIssued> issued = TestBroker.events(
                    broker.readUntil(
                            Topic.BADGE_EVENTS_V1,
                            learnerId,
                            read -> enrollmentIdsOf(TestBroker.events(read, BadgeIssued.class))
                                    .containsAll(expected),
                            Duration.ofSeconds(60)),
                    BadgeIssued.class);
            assertThat(enrollmentIdsOf(issued))
                    .as("enrollments with a BadgeIssued")
                    .containsAll(expected);
            return issued;
        }

        /** Publishes the catalog and one completion, then waits for its badge. */
        /** Publishes the completion of a renewal of {@code old} at {@code at} and waits for the renewed badge. */
        BadgeIssued renew(BadgeIssued old, String enrollmentId, Instant at) {
            publish(
                    new EnrollmentCompleted(
                            enrollmentId,
                            learnerId,
                            credentialId,
                            3,
                            EnrollmentKind.RENEWAL,
                            old.badgeId(),
                            "Ada.Lovelace@example.org",
                            "Ada Lovelace",
                            at),
                    UUID.randomUUID());
            return awaitBadgesIssuedFor(enrollmentId).stream()
                    .filter(b -> b.enrollmentId().equals(enrollmentId))
                    .findFirst()
                    .orElseThrow();
        }

        BadgeIssued issueOne() {
            publishCatalog();
            EnrollmentCompleted completed = completion("enr-" + suffix);
            publish(completed, UUID.randomUUID());
            return awaitBadgesIssuedFor(completed.enrollmentId()).getFirst();
        }

        private static List<String> enrollmentIdsOf(List<BadgeIssued> issued) {
            return issued.stream().map(BadgeIssued::enrollmentId).toList();
        }
    }
}
