package org.credstack.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.byProvider;
import static org.credstack.enrollment.Credentials.selfPaced;
import static org.credstack.enrollment.Credentials.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.EnrollmentKind;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/providers/{providerId}/enrollments} (docs/provider-lists.md): a provider's enrollments for its
 * staff, newest first, paged, filtered by credential and status, read through the {@code providerId} index.
 */
class ProviderEnrollmentsIT extends ServiceIT {

    @Test
    void listsTheProvidersEnrollmentsNewestFirstPagedWithTheirProgress() {
        String provider = unique("academy");
        stored(provider, "cred-a", Status.IN_PROGRESS, "2026-03-01T09:00:00Z");
        String newest = stored(provider, "cred-b", Status.COMPLETED, "2026-03-03T09:00:00Z");
        String middle = stored(provider, "cred-a", Status.WITHDRAWN, "2026-03-02T09:00:00Z");
        stored(provider + "-other", "cred-a", Status.IN_PROGRESS, "2026-03-04T09:00:00Z");

        Api.Response first =
                api.as(TestTokens.staff(provider)).get("/api/v1/providers/" + provider + "/enrollments?size=2");
        Api.Response second =
                api.as(TestTokens.staff(provider)).get("/api/v1/providers/" + provider + "/enrollments?size=2&page=1");

        assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
        assertThat(ids(first.body())).containsExactly(newest, middle);
        assertThat(first.body().at("/items/0/credentialTitle").stringValue()).isEqualTo("Title of cred-b");
        assertThat(first.body().at("/items/0/status").stringValue()).isEqualTo("COMPLETED");
        assertThat(first.body().at("/items/0/assignments/0/assignmentId").stringValue())
                .isEqualTo("r1");
        assertThat(first.body().at("/page/totalElements").asLong()).isEqualTo(3);
        assertThat(first.body().at("/page/totalPages").asInt()).isEqualTo(2);
        assertThat(ids(second.body())).hasSize(1);
        assertThat(second.body().at("/page/number").asInt()).isEqualTo(1);
    }

    @Test
    void filtersByCredentialAndStatus() {
        String provider = unique("academy");
        String a1 = stored(provider, "cred-a", Status.IN_PROGRESS, "2026-03-01T09:00:00Z");
        stored(provider, "cred-b", Status.IN_PROGRESS, "2026-03-02T09:00:00Z");
        String a2 = stored(provider, "cred-a", Status.COMPLETED, "2026-03-03T09:00:00Z");
        Api staff = api.as(TestTokens.staff(provider));

        JsonNode ofCredential = staff.get("/api/v1/providers/" + provider + "/enrollments?credentialId=cred-a")
                .body();
        JsonNode completed = staff.get(
                        "/api/v1/providers/" + provider + "/enrollments?credentialId=cred-a&status=COMPLETED")
                .body();

        assertThat(ids(ofCredential)).containsExactly(a2, a1);
        assertThat(ids(completed)).containsExactly(a2);
    }

    @Test
    void anEnrollmentMadeByALearnerIsListedForItsCredentialsProvider() {
        String provider = unique("academy");
        CredentialSnapshot credential =
                published(byProvider(snapshot(unique("cred"), 1, "PUBLISHED", all(), selfPaced("r1")), provider));
        String ada = learner(unique("ada") + "@example.org");
        Api.Response enrolled =
                api.post("/api/v1/learners/" + ada + "/enrollments", "{\"credentialId\": \"" + credential.id() + "\"}");

        JsonNode listed = api.as(TestTokens.staff(provider))
                .get("/api/v1/providers/" + provider + "/enrollments")
                .body();

        assertThat(ids(listed)).containsExactly(enrolled.body().get("id").stringValue());
        assertThat(listed.at("/items/0/learnerId").stringValue()).isEqualTo(ada);
    }

    @Test
    void readsThroughAnIndexOnProviderId() {
        assertThat(mongo.indexOps(Enrollments.COLLECTION).getIndexInfo())
                .anySatisfy(index -> assertThat(index.isIndexForFields(List.of("providerId")))
                        .isTrue());
    }

    @Test
    void isForThatProvidersStaffAndOperatorsOnly() {
        String provider = unique("academy");
        stored(provider, "cred-a", Status.IN_PROGRESS, "2026-03-01T09:00:00Z");
        String path = "/api/v1/providers/" + provider + "/enrollments";

        Api.Response rival = api.as(TestTokens.staff(provider + "-rival")).get(path);
        Api.Response learner = api.as(TestTokens.learner("learner-x")).get(path);
        Api.Response operator = api.as(TestTokens.operator()).get(path);

        assertThat(List.of(rival, learner)).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        });
        assertThat(ids(operator.body())).hasSize(1);
    }

    @Test
    void badPagingOrStatusIsAProblemNamingTheParameter() {
        String path = "/api/v1/providers/" + unique("academy") + "/enrollments?";

        assertThat(field(api.get(path + "status=DONE"))).isEqualTo("status");
        assertThat(field(api.get(path + "size=0"))).isEqualTo("size");
        assertThat(field(api.get(path + "size=101"))).isEqualTo("size");
        assertThat(field(api.get(path + "page=-1"))).isEqualTo("page");
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
        return response.body().at("/errors/0/field").stringValue();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").stringValue()));
        return ids;
    }

    /** An enrollment stored as it is after enrolling (and completing or withdrawing), at a chosen time. */
    private String stored(String providerId, String credentialId, Status status, String enrolledAt) {
        String id = unique("enrollment");
        mongo.insert(new Enrollment(
                id,
                unique("learner"),
                credentialId,
                1,
                "Title of " + credentialId,
                providerId,
                EnrollmentKind.INITIAL,
                null,
                CompletionRule.of(null),
                Instant.parse(enrolledAt),
                List.of(new AssignmentProgress("r1", "Lab", null, "Completed", null, null, null, null, null)),
                List.of(),
                status,
                null,
                null,
                null,
                null,
                null));
        assertThat(mongo.findById(id, Document.class, Enrollments.COLLECTION)).isNotNull();
        return id;
    }
}
