package org.credstack.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.byProvider;
import static org.credstack.enrollment.Credentials.selfPaced;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.events.Topic.ENROLLMENT_EVENTS_V1;

import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.AssignmentCompleted;
import org.credstack.events.enrollment.EnrollmentWithdrawn;
import org.credstack.events.enrollment.LearnerEmailChanged;
import org.credstack.events.enrollment.LearnerEnrolled;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A learner's data is theirs and a provider's enrollments are its staff's (docs/authz-enrollment.md): another
 * learner's or another provider's writes are refused with a 403 problem, and nothing is stored or published. The
 * owner's own write afterwards is the marker: once its event is on the topic, the refused ones would be before it.
 */
class CrossCallerWritesIT extends ServiceIT {

    @Test
    void anotherLearnersWritesAreRefusedAndNothingIsStoredOrPublished() {
        CredentialSnapshot credential =
                published(snapshot(unique("cred"), 1, "PUBLISHED", all(), selfPaced("r1"), selfPaced("r2")));
        CredentialSnapshot other = published(snapshot(unique("cred"), 1, "PUBLISHED", all(), selfPaced("r1")));
        String ada = learner(unique("ada") + "@example.org");
        String mallory = learner(unique("mallory") + "@example.org");
        String enrollment = enroll(ada, credential);
        String base = "/api/v1/learners/" + ada;
        List<Object> before = state(ada);
        double learnerReports = counted(CompletionMetrics.RECEIVED, "channel", "learner");
        Api asMallory = api.as(TestTokens.learner(mallory));

        List<Api.Response> refused = List.of(
                asMallory.post(base + "/enrollments", "{\"credentialId\": \"" + other.id() + "\"}"),
                asMallory.post(base + "/enrollments/" + enrollment + "/assignments/r1/complete", ""),
                asMallory.post(base + "/enrollments/" + enrollment + "/withdraw", ""),
                asMallory.post(base + "/renewals", "{\"badgeId\": \"https://badges.example/credentials/b1\"}"),
                asMallory.post(base + "/renewals/" + enrollment + "/attestation", ""),
                asMallory.put(
                        base + "/email", "{\"email\": \"" + unique("mallory") + "@example.org\"}", java.util.Map.of()),
                asMallory.put(
                        base + "/identifiers",
                        "{\"emails\": [\"" + unique("mallory") + "@example.org\"]}",
                        java.util.Map.of()),
                asMallory.get(base),
                asMallory.get(base + "/enrollments"),
                asMallory.get(base + "/enrollments/" + enrollment));

        assertThat(refused).allSatisfy(CrossCallerWritesIT::assertForbidden);
        assertThat(state(ada)).isEqualTo(before);
        assertThat(counted(CompletionMetrics.RECEIVED, "channel", "learner"))
                .as("a refused report is not received")
                .isEqualTo(learnerReports);
        Api.Response marker = api.post(base + "/enrollments/" + enrollment + "/assignments/r2/complete", "");
        assertThat(marker.status()).as(marker.raw().body()).isEqualTo(200);
        assertThat(counted(CompletionMetrics.RECEIVED, "channel", "learner")).isEqualTo(learnerReports + 1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, ada, AssignmentCompleted.class))
                        .extracting(AssignmentCompleted::assignmentId)
                        .containsExactly("r2"));
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, ada, LearnerEnrolled.class))
                .extracting(LearnerEnrolled::credentialId)
                .containsExactly(credential.id());
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, ada, EnrollmentWithdrawn.class))
                .isEmpty();
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, ada, LearnerEmailChanged.class))
                .isEmpty();
    }

    @Test
    void anotherProvidersStaffCannotCompleteAnEnrollmentWhateverProviderThePathNames() {
        CredentialSnapshot credential = published(byProvider(
                snapshot(unique("cred"), 1, "PUBLISHED", all(), selfPaced("r1"), selfPaced("r2")), "academy"));
        String ada = learner(unique("ada") + "@example.org");
        String enrollment = enroll(ada, credential);
        List<Object> before = state(ada);
        double providerReports = counted(CompletionMetrics.RECEIVED, "channel", "provider");
        Api otherStaff = api.as(TestTokens.staff("rival"));

        Api.Response ownPath =
                otherStaff.post("/api/v1/providers/rival/enrollments/" + enrollment + "/assignments/r1/complete", "{}");
        Api.Response theirPath = otherStaff.post(
                "/api/v1/providers/academy/enrollments/" + enrollment + "/assignments/r1/complete", "{}");
        Api.Response learnerAsProvider = api.as(TestTokens.learner(ada))
                .post("/api/v1/providers/academy/enrollments/" + enrollment + "/assignments/r1/complete", "{}");

        assertForbidden(ownPath);
        assertForbidden(theirPath);
        assertForbidden(learnerAsProvider);
        assertThat(state(ada)).isEqualTo(before);
        Api.Response marker =
                api.post("/api/v1/providers/academy/enrollments/" + enrollment + "/assignments/r2/complete", "{}");
        assertThat(marker.status()).as(marker.raw().body()).isEqualTo(200);
        assertThat(counted(CompletionMetrics.RECEIVED, "channel", "provider"))
                .as("only the own staff's report is received")
                .isEqualTo(providerReports + 1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, ada, AssignmentCompleted.class))
                        .extracting(AssignmentCompleted::assignmentId, AssignmentCompleted::reportedBy)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("r2", "PROVIDER")));
    }

    @Test
    void aPathNamingAnotherProviderThanTheEnrollmentsIsNotFoundEvenForAnOperator() {
        CredentialSnapshot credential =
                published(byProvider(snapshot(unique("cred"), 1, "PUBLISHED", all(), selfPaced("r1")), "academy"));
        String ada = learner(unique("ada") + "@example.org");
        String enrollment = enroll(ada, credential);
        List<Object> before = state(ada);

        Api.Response wrongPath = api.as(TestTokens.operator())
                .post("/api/v1/providers/rival/enrollments/" + enrollment + "/assignments/r1/complete", "{}");

        assertThat(wrongPath.status()).isEqualTo(404);
        assertThat(wrongPath.body().at("/errors/0/field").stringValue()).isEqualTo("enrollmentId");
        assertThat(state(ada)).isEqualTo(before);
    }

    private String enroll(String learner, CredentialSnapshot credential) {
        Api.Response enrolled = api.post(
                "/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + credential.id() + "\"}");
        assertThat(enrolled.status()).as(enrolled.raw().body()).isEqualTo(201);
        return enrolled.body().get("id").stringValue();
    }

    /** The learner and their enrollments as stored, without the outbox fields the relay changes in the background. */
    private List<Object> state(String learnerId) {
        Document learner = withoutOutbox(mongo.findById(learnerId, Document.class, "learners"));
        List<Document> enrollments = mongo
                .find(Query.query(Criteria.where("learnerId").is(learnerId)), Document.class, Enrollments.COLLECTION)
                .stream()
                .map(CrossCallerWritesIT::withoutOutbox)
                .toList();
        return List.of(learner, enrollments);
    }

    private static Document withoutOutbox(Document document) {
        Document copy = new Document(document);
        copy.remove("pendingEvents");
        copy.remove("version");
        return copy;
    }

    private static void assertForbidden(Api.Response response) {
        assertThat(response.status())
                .as(response.raw().uri() + " " + response.raw().body())
                .isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:forbidden");
    }
}
