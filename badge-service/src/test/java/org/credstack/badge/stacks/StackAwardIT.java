package org.credstack.badge.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credstack.badge.TestClockConfig;
import org.credstack.badge.catalog.CatalogReplica;
import org.credstack.events.EventEnvelope;
import org.credstack.events.Topic;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.catalog.CredentialPublished;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.ComponentRule;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.events.enrollment.EnrollmentKind;
import org.credstack.testsupport.IndependentVerifier;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.credstack.testsupport.TestBroker;
import org.credstack.testsupport.TestClock;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Stacks against the real broker and store: components issued from completions, the stack's credential awarded
 * once from badge-service's own {@code BadgeIssued} (or from the stack's publication), progress, and the CLR.
 */
@Import(TestClockConfig.class)
class StackAwardIT extends ServiceIntegrationTest {

    static final Instant FIRST_DONE = Instant.parse("2024-01-10T09:00:00Z");
    static final Instant LAST_DONE = Instant.parse("2024-01-20T15:30:00Z");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    StackAwarding awarding;

    @Autowired
    CatalogReplica replica;

    @Test
    void awardsTheStackOnceWithTheValidFromOfTheLastComponent() {
        Pathway pathway = new Pathway();
        pathway.publishComponents();
        pathway.publishStack();

        pathway.complete(pathway.componentA, FIRST_DONE);
        pathway.complete(pathway.componentB, LAST_DONE);
        List<BadgeIssued> issued = pathway.awaitStackIssued();

        List<BadgeIssued> stackAwards = pathway.stackAwards(issued);
        assertThat(stackAwards).hasSize(1);
        BadgeIssued award = stackAwards.getFirst();
        assertThat(award.validFrom()).isEqualTo(LAST_DONE);
        assertThat(award.validUntil()).isEqualTo(Instant.parse("2026-01-20T15:30:00Z"));
        assertThat(award.achievementName()).isEqualTo("Cloud Pathway");
        assertThat(award.recipientEmail()).isEqualTo("ada@example.org");
        assertThat(award.recipientName()).isEqualTo("Ada Lovelace");
        assertThat(award.enrollmentId()).isEqualTo("stack|" + pathway.learnerId + "|" + pathway.stackId);
        assertThat(pathway.stackBadges()).isEqualTo(1);

        JsonNode credential = json.readTree(
                http().get().uri(local(award.publicUrl())).retrieve().body(String.class));
        JsonNode achievement = credential.at("/credentialSubject/achievement");
        assertThat(achievement.at("/criteria/narrative").asString())
                .contains("Cloud Basics")
                .contains("Cloud Security");
        assertThat(achievement
                        .get("alignment")
                        .valueStream()
                        .filter(a ->
                                "ceterms:Credential".equals(a.path("targetType").asString(null)))
                        .map(a -> a.get("targetCode").asString()))
                .containsExactlyInAnyOrder(pathway.componentA, pathway.componentB);
        JsonNode report = json.readTree(http().get()
                .uri(local(award.publicUrl()) + "/verification")
                .retrieve()
                .body(String.class));
        assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("verified");
    }

    @Test
    void awardsAStackPublishedAfterItsComponentsWereEarned() {
        Pathway pathway = new Pathway();
        pathway.publishComponents();
        pathway.complete(pathway.componentA, FIRST_DONE);
        pathway.complete(pathway.componentB, LAST_DONE);
        pathway.awaitComponentsIssuedAndEvaluated();

        pathway.publishStack();
        List<BadgeIssued> issued = pathway.awaitStackIssued();

        assertThat(pathway.stackAwards(issued)).hasSize(1);
        assertThat(pathway.stackAwards(issued).getFirst().validFrom()).isEqualTo(LAST_DONE);
    }

    @Test
    void issuesStackExactlyOnceWhenTwoEvaluationsRace() throws Exception {
        List<Optional<String>> outcomes;
        Pathway pathway = new Pathway();
        pathway.publishComponents();
        pathway.complete(pathway.componentA, FIRST_DONE);
        pathway.complete(pathway.componentB, LAST_DONE);
        pathway.awaitComponentsIssuedAndEvaluated();
        // into the replica directly, so that only the two racing evaluations below award it
        replica.record(EventEnvelope.wrap(
                new CredentialPublished(pathway.stackId, pathway.stack(), LAST_DONE), UUID.randomUUID(), LAST_DONE));

        // two platform threads of their own: the common pool may run one task after the other on a small machine
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<Optional<String>> first = threads.submit(() -> race(start, pathway));
            Future<Optional<String>> second = threads.submit(() -> race(start, pathway));
            start.countDown();
            outcomes = List.of(first.get(), second.get());
        }

        assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(pathway.stackBadges()).isEqualTo(1);
        assertThat(pathway.stackAwards(pathway.awaitStackIssued())).hasSize(1);
    }

    private Optional<String> race(CountDownLatch start, Pathway pathway) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return awarding.evaluate(pathway.learnerId, pathway.stackId);
    }

    @Test
    void servesASignedClrOfTheStackAndItsComponentsThatBothVerifiersAccept() {
        Pathway pathway = new Pathway();
        pathway.publishComponents();
        pathway.publishStack();
        pathway.complete(pathway.componentA, FIRST_DONE);
        pathway.complete(pathway.componentB, LAST_DONE);
        BadgeIssued award = pathway.stackAwards(pathway.awaitStackIssued()).getFirst();

        ResponseEntity<String> response = http().get()
                .uri(baseUrl() + "/api/v1/learners/" + pathway.learnerId + "/stacks/" + pathway.stackId + "/clr")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.learner(pathway.learnerId)))
                .retrieve()
                .toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/ld+json"));
        JsonNode clr = json.readTree(response.getBody());
        assertThat(clr.get("type").valueStream().map(JsonNode::asString)).contains("ClrCredential");
        assertThat(clr.at("/proof/cryptosuite").asString()).isEqualTo("eddsa-rdfc-2022");
        JsonNode held = clr.at("/credentialSubject/verifiableCredential");
        assertThat(held.size()).isEqualTo(3);
        assertThat(held.get(0).get("id").asString()).isEqualTo(award.badgeId());
        assertThat(clr.at("/credentialSubject/association").size()).isEqualTo(2);

        JsonNode report = json.readTree(http().post()
                .uri(baseUrl() + "/api/v1/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .body(response.getBody())
                .retrieve()
                .body(String.class));
        assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("verified");

        assumeTrue(IndependentVerifier.available(), "node is not installed; CI runs this with node 20");
        String controller = http().get()
                .uri(baseUrl() + "/issuers/" + pathway.providerId)
                .retrieve()
                .body(String.class);
        IndependentVerifier.Result independent =
                IndependentVerifier.find().verify(response.getBody(), controller, clock.instant());
        assertThat(independent.verified()).as(independent.output()).isTrue();
    }

    @Test
    void answersNotFoundForAClrOfAStackNotAwarded() {
        ResponseEntity<String> response = http().get()
                .uri(baseUrl() + "/api/v1/learners/nobody/stacks/no-stack/clr")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.learner("nobody")))
                .retrieve()
                .toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("type").asString())
                .isEqualTo("urn:credstack:problem:stack-award-not-found");
    }

    @Test
    void showsProgressTowardANestedStackWithWhatIsLeft() {
        Pathway pathway = new Pathway();
        String capstone = "capstone-" + pathway.suffix;
        String elective = "elective-" + pathway.suffix;
        pathway.publish(pathway.snapshot(capstone, "Capstone Project", "MICRO_CREDENTIAL", null, "P1Y"));
        pathway.publish(pathway.snapshot(elective, "Threat Modelling", "MICRO_CREDENTIAL", null, "P1Y"));
        pathway.publishComponents();
        ComponentRule electives =
                new ComponentRule("electives", 2, List.of(pathway.componentA, pathway.componentB, elective), List.of());
        pathway.publish(pathway.snapshot(
                pathway.stackId,
                "Cloud Pathway",
                "STACK",
                new ComponentRule("Cloud Pathway", 2, List.of(capstone), List.of(electives)),
                "P2Y"));
        pathway.awaitReplicaHas(pathway.stackId);
        pathway.complete(pathway.componentA, FIRST_DONE);
        pathway.awaitComponentsIssuedAndEvaluated(1);

        JsonNode progress = json.readTree(http().get()
                .uri(baseUrl() + "/api/v1/learners/" + pathway.learnerId + "/stacks")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.learner(pathway.learnerId)))
                .retrieve()
                .body(String.class));

        assertThat(progress.size()).isEqualTo(1);
        JsonNode stack = progress.get(0);
        assertThat(stack.get("stackCredentialId").asString()).isEqualTo(pathway.stackId);
        assertThat(stack.get("complete").asBoolean()).isFalse();
        assertThat(stack.get("left").asString()).isEqualTo("1 of 2 electives, Capstone Project missing");
        assertThat(stack.get("components")
                        .valueStream()
                        .filter(c -> c.get("done").asBoolean())
                        .map(c -> c.get("credentialId").asString()))
                .containsExactly(pathway.componentA);
        assertThat(stack.get("components")
                        .valueStream()
                        .filter(c -> c.get("done").asBoolean())
                        .map(c -> c.get("badgeId").asString()))
                .allMatch(id -> id.startsWith("http://localhost:8083/credentials/"));
        assertThat(stack.get("openRules").valueStream().map(r -> r.get("label").asString()))
                .containsExactly("Cloud Pathway", "electives");
    }

    String local(String publicUrl) {
        return baseUrl() + URI.create(publicUrl).getRawPath();
    }

    RestClient http() {
        return RestClient.builder()
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    /** Two micro-credentials and a stack needing both, one provider and one learner of their own. */
    class Pathway {

        final String suffix = UUID.randomUUID().toString().substring(0, 8);
        final String providerId = "prov-" + suffix;
        final String componentA = "basics-" + suffix;
        final String componentB = "security-" + suffix;
        final String stackId = "pathway-" + suffix;
        final String learnerId = "learner-" + suffix;

        void publishComponents() {
            publish(snapshot(componentA, "Cloud Basics", "MICRO_CREDENTIAL", null, "P1Y"));
            publish(snapshot(componentB, "Cloud Security", "MICRO_CREDENTIAL", null, "P1Y"));
            awaitReplicaHas(componentA);
            awaitReplicaHas(componentB);
        }

        void publishStack() {
            publish(stack());
            awaitReplicaHas(stackId);
        }

        CredentialSnapshot stack() {
            return snapshot(
                    stackId,
                    "Cloud Pathway",
                    "STACK",
                    new ComponentRule("Both courses", 2, List.of(componentA, componentB), List.of()),
                    "P2Y");
        }

        void publish(CredentialSnapshot snapshot) {
            broker.publish(
                    new CredentialPublished(snapshot.id(), snapshot, snapshot.publishedAt()),
                    UUID.randomUUID(),
                    clock.instant());
        }

        void awaitReplicaHas(String credentialId) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> replica.latest(credentialId).isPresent());
        }

        void complete(String credentialId, Instant at) {
            broker.publish(
                    new EnrollmentCompleted(
                            "enr-" + credentialId,
                            learnerId,
                            credentialId,
                            1,
                            EnrollmentKind.INITIAL,
                            null,
                            "ada@example.org",
                            "Ada Lovelace",
                            at),
                    UUID.randomUUID(),
                    clock.instant());
        }

        /** Waits until both components' {@code BadgeIssued} are on the topic and the stack consumer handled them. */
        void awaitComponentsIssuedAndEvaluated() {
            awaitComponentsIssuedAndEvaluated(2);
        }

        void awaitComponentsIssuedAndEvaluated(int components) {
            List<TestBroker.Received> read = broker.readUntil(
                    Topic.BADGE_EVENTS_V1,
                    learnerId,
                    r -> TestBroker.events(r, BadgeIssued.class).size() >= components,
                    Duration.ofSeconds(60));
            assertThat(TestBroker.events(read, BadgeIssued.class)).hasSize(components);
            // a component no stack names yet leaves nothing to observe: wait for the consumer's committed offset
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> broker.consumed("badge-service", read));
        }

        List<BadgeIssued> awaitStackIssued() {
            List<BadgeIssued> issued = TestBroker.events(
                    broker.readUntil(
                            Topic.BADGE_EVENTS_V1,
                            learnerId,
                            r -> !stackAwards(TestBroker.events(r, BadgeIssued.class))
                                    .isEmpty(),
                            Duration.ofSeconds(60)),
                    BadgeIssued.class);
            assertThat(stackAwards(issued)).as("BadgeIssued of the stack").isNotEmpty();
            return issued;
        }

        List<BadgeIssued> stackAwards(List<BadgeIssued> issued) {
            return issued.stream().filter(e -> e.credentialId().equals(stackId)).toList();
        }

        long stackBadges() {
            return mongo.count(new Query(Criteria.where("credentialId").is(stackId)), "badges");
        }

        CredentialSnapshot snapshot(String id, String title, String kind, ComponentRule rule, String validity) {
            Instant published = Instant.parse("2023-12-01T00:00:00Z");
            return new CredentialSnapshot(
                    id,
                    1,
                    "PUBLISHED",
                    null,
                    title,
                    title + ", a credential of the test pathway",
                    kind,
                    "TECHNICAL",
                    new ProviderSnapshot(
                            providerId, "Example Academy", "https://academy.example.org", null, "Europe/Berlin"),
                    List.of(),
                    List.of(),
                    List.of("ONLINE"),
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    validity,
                    null,
                    null,
                    rule,
                    published);
        }
    }
}
