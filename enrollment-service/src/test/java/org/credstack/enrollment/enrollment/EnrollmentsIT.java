package org.credstack.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.selfPaced;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.enrollment.Credentials.stack;
import static org.credstack.enrollment.Credentials.tracked;
import static org.credstack.events.Topic.ENROLLMENT_EVENTS_V1;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.credstack.events.catalog.CredentialRetired;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.AssignmentCompleted;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.events.enrollment.EnrollmentWithdrawn;
import org.credstack.events.enrollment.LearnerEnrolled;
import org.junit.jupiter.api.Test;

class EnrollmentsIT extends ServiceIT {

    @Test
    void registersALearnerAndRefusesAnEmailAnotherLearnerHolds() {
        String email = unique("ada") + "@Example.org";
        String id = learner(email);

        Api.Response taken = api.post("/api/v1/learners", """
                {"displayName": "Someone", "emails": ["other@example.org", "%s"]}""".formatted(email.replace("Example.org", "example.ORG")));
        Api.Response added = api.put("/api/v1/learners/" + id + "/identifiers", """
                {"emails": ["second@example.org"], "accounts": [{"homePage": "https://lms.example", "name": "%s"}]}""".formatted(id), java.util.Map.of());

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.contentType()).startsWith("application/problem+json");
        assertThat(taken.body().at("/errors/0/field").stringValue()).isEqualTo("emails[1]");
        assertThat(added.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/learners/" + id).body().get("emails").toString())
                .isEqualTo("[\"" + email + "\",\"second@example.org\"]");
        assertThat(api.get("/api/v1/learners/nobody").status()).isEqualTo(404);
    }

    @Test
    void refusesAMalformedEmailNamingIt() {
        Api.Response bad = api.post("/api/v1/learners", """
                {"displayName": "Ada", "emails": ["ok@example.org", "nope"]}""");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/errors/0/field").stringValue()).isEqualTo("emails[1]");
    }

    @Test
    void enrollingTwiceReturnsTheSameEnrollmentEvenWhenConcurrent() throws Exception {
        CredentialSnapshot credential =
                published(snapshot(unique("cred"), 2, "PUBLISHED", all(), tracked("a1", "Completed", null)));
        String learner = learner(unique("bob") + "@example.org");
        String body = "{\"credentialId\": \"" + credential.id() + "\"}";

        List<Api.Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> api.post("/api/v1/learners/" + learner + "/enrollments", body));
            }
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
        }

        assertThat(responses)
                .extracting(Api.Response::status)
                .containsOnly(200, 201)
                .containsOnlyOnce(201);
        assertThat(responses)
                .extracting(r -> r.body().get("id").stringValue())
                .containsOnly(responses.getFirst().body().get("id").stringValue());
        assertThat(responses.getFirst().body().get("credentialVersion").intValue())
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, LearnerEnrolled.class))
                        .hasSize(1));
    }

    @Test
    void rejectsEnrollmentInRetiredOrUnknownCredentialNamingCredentialId() {
        CredentialSnapshot open = snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked("a1", "Completed", null));
        published(open);
        CredentialSnapshot retired = snapshot(open.id(), 1, "RETIRED", all(), tracked("a1", "Completed", null));
        published(new CredentialRetired(open.id(), retired, T0.plusSeconds(60)));
        String learner = learner(unique("cy") + "@example.org");

        Api.Response refused =
                api.post("/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + open.id() + "\"}");
        Api.Response unknown =
                api.post("/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"no-such\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().at("/errors/0/field").stringValue()).isEqualTo("credentialId");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().at("/errors/0/field").stringValue()).isEqualTo("credentialId");
    }

    @Test
    void refusesEnrollmentInAStackNamingItsComponentsAndStoresAndPublishesNothing() {
        CredentialSnapshot core =
                published(snapshot(unique("core"), 1, "PUBLISHED", all(), tracked(unique("a"), "Completed", null)));
        CredentialSnapshot pathway = published(stack(unique("stack"), core.id(), "cred-e1", "cred-e2"));
        String learner = learner(unique("sam") + "@example.org");

        Api.Response refused = api.post(
                "/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + pathway.id() + "\"}");
        Api.Response again = api.post(
                "/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + pathway.id() + "\"}");
        Api.Response component =
                api.post("/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + core.id() + "\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:stack-not-enrollable");
        assertThat(refused.body().get("title").stringValue()).isEqualTo("Stack not enrollable");
        assertThat(refused.body().get("detail").stringValue())
                .contains(pathway.id() + " is a stack")
                .contains("enroll in its components instead: " + core.id() + ", cred-e1, cred-e2");
        assertThat(refused.body().at("/errors/0/field").stringValue()).isEqualTo("credentialId");
        assertThat(again.status()).isEqualTo(409);
        assertThat(component.status())
                .as("the learner enrolls in a component instead")
                .isEqualTo(201);
        assertThat(mongo.find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("learnerId")
                                        .is(learner)),
                        org.bson.Document.class,
                        Enrollments.COLLECTION))
                .extracting(d -> d.getString("credentialId"))
                .containsExactly(core.id());
        // the component's LearnerEnrolled shows the learner's events flow; the stack never raised one
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, LearnerEnrolled.class))
                        .extracting(LearnerEnrolled::credentialId)
                        .containsExactly(core.id()));
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner))
                .extracting(r -> r.envelope().data())
                .noneMatch(e -> e instanceof EnrollmentCompleted)
                .noneMatch(e -> e.toString().contains(pathway.id()));
    }

    @Test
    void learnerAndProviderCompleteAssignmentsAndTheEnrollmentCompletesOnce() {
        CredentialSnapshot credential = published(
                snapshot(unique("cred"), 1, "PUBLISHED", all(), selfPaced("r1"), tracked("a1", "Passed", 0.7)));
        String email = unique("dee") + "@example.org";
        String learner = learner(email);
        String enrollment = api.post(
                        "/api/v1/learners/" + learner + "/enrollments",
                        "{\"credentialId\": \"" + credential.id() + "\"}")
                .body()
                .get("id")
                .stringValue();
        String base = "/api/v1/learners/" + learner + "/enrollments/" + enrollment;

        Api.Response tracked = api.post(base + "/assignments/a1/complete", "");
        Api.Response selfPaced = api.post(base + "/assignments/r1/complete", "");
        Api.Response byProvider = api.post(
                "/api/v1/providers/provider-1/enrollments/" + enrollment + "/assignments/a1/complete",
                "{\"completedAt\": \"2026-03-02T12:00:00Z\"}");
        Api.Response withdraw = api.post(base + "/withdraw", "");

        assertThat(tracked.status()).isEqualTo(409);
        assertThat(tracked.body().at("/errors/0/field").stringValue()).isEqualTo("assignmentId");
        assertThat(selfPaced.status()).isEqualTo(200);
        assertThat(byProvider.status()).isEqualTo(200);
        assertThat(byProvider.body().get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(byProvider.body().get("assignments").get(1).get("how").stringValue())
                .isEqualTo("PROVIDER");
        assertThat(withdraw.status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, AssignmentCompleted.class))
                    .extracting(AssignmentCompleted::reportedBy)
                    .containsExactly("LEARNER", "PROVIDER");
            assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, EnrollmentCompleted.class))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.recipientEmail()).isEqualTo(email);
                        assertThat(c.recipientName()).isEqualTo("Ada Lovelace");
                    });
        });
        assertThat(api.get("/api/v1/learners/" + learner + "/enrollments")
                        .body()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void enrollingAgainAnswersTheSameEnrollmentAsStoredToTheMillisecond() {
        CredentialSnapshot credential =
                published(snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked("a1", "Completed", null)));
        String learner = learner(unique("ida") + "@example.org");
        String enroll = "{\"credentialId\": \"" + credential.id() + "\"}";

        Api.Response first = api.post("/api/v1/learners/" + learner + "/enrollments", enroll);
        Api.Response again = api.post("/api/v1/learners/" + learner + "/enrollments", enroll);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").stringValue())
                .isEqualTo(first.body().get("id").stringValue());
        assertThat(again.body().get("enrolledAt").stringValue())
                .isEqualTo(first.body().get("enrolledAt").stringValue());
    }

    @Test
    void withdrawalPublishesEnrollmentWithdrawnAndFreesTheCredentialForANewEnrollment() {
        CredentialSnapshot credential =
                published(snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked("a1", "Completed", null)));
        String learner = learner(unique("eve") + "@example.org");
        String enroll = "{\"credentialId\": \"" + credential.id() + "\"}";
        String first = api.post("/api/v1/learners/" + learner + "/enrollments", enroll)
                .body()
                .get("id")
                .stringValue();

        Api.Response withdrawn = api.post("/api/v1/learners/" + learner + "/enrollments/" + first + "/withdraw", "");
        Api.Response again = api.post("/api/v1/learners/" + learner + "/enrollments", enroll);

        assertThat(withdrawn.body().get("status").stringValue()).isEqualTo("WITHDRAWN");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("id").stringValue()).isNotEqualTo(first);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, EnrollmentWithdrawn.class))
                        .extracting(EnrollmentWithdrawn::enrollmentId)
                        .containsExactly(first));
    }
}
