package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.catalog.credential.TestDrafts.micro;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ProblemDetailsIT extends CredentialIntegrationTest {

    @Test
    void namesTheFieldOfEachBadCredentialAndStoresNothing() {
        String provider = newProvider("Problem Academy");
        long before = storedCredentials();

        assertProblem(post("/api/v1/credentials", "{\"title\": "), 400, "$");
        assertProblem(post("/api/v1/credentials", draftWith(provider, "kind", "\"BADGE\"")), 400, "kind");
        assertProblem(post("/api/v1/credentials", draftWith(provider, "skills", "42")), 400, "skills");
        assertProblem(post("/api/v1/credentials", draftWith(provider, "title", "null")), 422, "title");
        assertProblem(
                post("/api/v1/credentials", draftWith(provider, "validityPeriod", "\"two years\"")),
                400,
                "validityPeriod");
        assertProblem(
                post("/api/v1/credentials", draftWith(provider, "assignments", assignmentWith("masteryScore", "2"))),
                422,
                "assignments[0].masteryScore");
        assertProblem(
                post("/api/v1/credentials", draftWith(provider, "assignments", assignmentWith("moveOn", "\"Done\""))),
                400,
                "assignments[0].moveOn");
        assertProblem(post("/api/v1/credentials", micro("No such provider", "nobody")), 422, "providerId");
        assertProblem(
                post("/api/v1/credentials", TestDrafts.stack("Ghost stack", provider, "ghost")), 422, "stackRule");

        assertThat(storedCredentials()).isEqualTo(before);
    }

    @Test
    void namesTheBadProviderField() {
        Answer answer = post("/api/v1/providers", "{\"name\": \"Acme\", \"timeZone\": \"Mars/Olympus\"}");

        assertProblem(answer, 422, "timeZone");
    }

    @Test
    void namesTheBadQueryParameter() {
        assertProblem(get("/api/v1/credentials?size=500"), 400, "size");
        assertProblem(get("/api/v1/credentials?category=COOKING"), 400, "category");
        assertProblem(get("/api/v1/credentials?sort=price"), 400, "sort");
        assertProblem(get("/api/v1/credentials?maxCost=10"), 400, "currency");
        assertProblem(get("/api/v1/providers?size=0"), 400, "size");
        assertProblem(get("/api/v1/credentials/some-id/versions/first"), 400, "version");
    }

    @Test
    void answersNotFoundForUnknownIds() {
        Answer answer = get("/api/v1/credentials/no-such-id");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().get("type").asString()).isEqualTo("urn:credstack:problem:not-found");
        assertThat(get("/api/v1/providers/no-such-id").status()).isEqualTo(404);
        assertThat(post("/api/v1/credentials/no-such-id/publish", null).status())
                .isEqualTo(404);
    }

    @Test
    void refusesEditOfPublishedCredentialWithoutChangingIt() {
        String provider = newProvider("Frozen Academy");
        String id = published(micro("Frozen", provider));

        Answer answer = put("/api/v1/credentials/" + id, micro("Thawed", provider));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().get("type").asString()).isEqualTo("urn:credstack:problem:illegal-transition");
        assertThat(get("/api/v1/credentials/" + id)
                        .body()
                        .get("content")
                        .get("title")
                        .asString())
                .isEqualTo("Frozen");
    }

    private void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JsonNode body = answer.body();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asString()).startsWith("urn:credstack:problem:");
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("errors").findValuesAsString("field"))
                .as(answer.toString())
                .contains(field);
    }

    private String draftWith(String provider, String field, String rawValue) {
        ObjectNode draft = json.valueToTree(micro("Bad", provider));
        draft.set(field, json.readTree(rawValue));
        return draft.toString();
    }

    private String assignmentWith(String field, String rawValue) {
        ObjectNode assignment = json.valueToTree(TestDrafts.assignment("a1"));
        assignment.set(field, json.readTree(rawValue));
        return "[" + assignment + "]";
    }
}
