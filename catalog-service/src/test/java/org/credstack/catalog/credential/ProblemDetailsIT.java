package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.catalog.credential.TestDrafts.micro;

import java.util.List;
import org.credstack.events.catalog.MoveOn;
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

    @Test
    void refusesOverlongOverdueAndUnsafeValuesAndStoresNothing() {
        String provider = newProvider("Limits Academy");
        long before = storedCredentials();

        assertProblem(post("/api/v1/credentials", draftWith(provider, "title", quoted("x".repeat(301)))), 422, "title");
        assertProblem(
                post("/api/v1/credentials", draftWith(provider, "validityPeriod", "\"P999999999Y\"")),
                422,
                "validityPeriod");
        assertProblem(
                post("/api/v1/credentials", draftWith(provider, "image", "\"javascript:alert(1)\"")), 422, "image");
        assertProblem(post("/api/v1/credentials", draftWith(provider, "ctid", "\"hello\"")), 422, "ctid");
        assertProblem(
                post("/api/v1/credentials", draftWith(provider, "estimatedDuration", "\"XT5H\"")),
                422,
                "estimatedDuration");
        assertProblem(
                post("/api/v1/credentials", draftWith(provider, "estimatedDuration", "\"P-5D\"")),
                422,
                "estimatedDuration");
        String twice = "[" + json.valueToTree(TestDrafts.assignment("a1")) + ","
                + json.valueToTree(
                        new Assignment("a2", "Again", "https://example.org/activities/a1", MoveOn.Passed, null))
                + "]";
        assertProblem(
                post("/api/v1/credentials", draftWith(provider, "assignments", twice)),
                422,
                "assignments[0].activityId");
        assertProblem(post("/api/v1/providers", "{\"name\": \"Acme\", \"url\": \"javascript:alert(1)\"}"), 422, "url");
        assertProblem(post("/api/v1/providers", "{\"name\": \"Acme\", \"email\": \"not-an-email\"}"), 422, "email");

        assertThat(storedCredentials()).isEqualTo(before);
    }

    @Test
    void namesTheNullElementAndNeverAJavaClass() {
        String provider = newProvider("Null Academy");

        Answer assignments = post("/api/v1/credentials", draftWith(provider, "assignments", "[null]"));
        Answer skills = post("/api/v1/credentials", draftWith(provider, "skills", "[null]"));
        Answer kind = post("/api/v1/credentials", draftWith(provider, "kind", "\"BADGE\""));
        Answer array = post("/api/v1/credentials", draftWith(provider, "skills", "42"));

        assertProblem(assignments, 422, "assignments[0]");
        assertProblem(skills, 422, "skills[0]");
        assertThat(kind.body().get("errors").get(0).get("message").asString())
                .isEqualTo("'BADGE' is not one of [MICRO_CREDENTIAL, STACK]");
        assertThat(array.body().get("errors").get(0).get("message").asString()).isEqualTo("expected an array");
        for (Answer answer : List.of(assignments, skills, kind, array)) {
            assertThat(answer.body().toString()).doesNotContain("java.", "`", "org.credstack", "Cannot construct");
        }
    }

    @Test
    void namesTheStackRuleFieldOnce() {
        String provider = newProvider("Rule Academy");
        String component = published(micro("Component", provider));
        ObjectNode stack = json.valueToTree(TestDrafts.stack("Stack", provider, component));
        ((ObjectNode) stack.get("stackRule")).put("requiredNumber", 5);
        ObjectNode nested = json.valueToTree(TestDrafts.stack("Nested", provider, component));
        ObjectNode inner = json.valueToTree(new ComponentRule("inner", 1, List.of(component), List.of()));
        inner.put("requiredNumber", 7);
        ((ObjectNode) nested.get("stackRule")).set("rules", json.readTree("[" + inner + "]"));

        assertProblem(post("/api/v1/credentials", stack.toString()), 422, "stackRule.requiredNumber");
        assertProblem(post("/api/v1/credentials", nested.toString()), 422, "stackRule.rules[0].requiredNumber");
    }

    @Test
    void answers400ForMalformedQueryParameters() throws Exception {
        assertProblem(getExactly("/api/v1/credentials?providerId%5B%24ne%5D=x"), 400, "providerId[$ne]");
        assertProblem(getExactly("/api/v1/credentials?q%5B0%5D=x"), 400, "q[0]");
        assertProblem(getExactly("/api/v1/credentials?q.length=x"), 400, "q.length");
        assertProblem(getExactly("/api/v1/credentials?page%5Bx%5D=1"), 400, "page[x]");
        assertProblem(getRaw("/api/v1/credentials?q=%"), 400, "query");
        assertProblem(getRaw("/api/v1/providers?page=%"), 400, "query");
        assertProblem(getExactly("/api/v1/credentials?page=2147483647"), 400, "page");
        assertProblem(getExactly("/api/v1/providers?page=10001"), 400, "page");
        assertThat(getExactly("/api/v1/credentials?page=10000").status()).isEqualTo(200);
    }

    @Test
    void answers400ForLenientSearchValues() {
        assertProblem(get("/api/v1/credentials?maxCost=10&currency=ZZZ"), 400, "currency");
        assertProblem(get("/api/v1/credentials?expires=yes"), 400, "expires");
        assertProblem(get("/api/v1/credentials?free=maybe"), 400, "free");
        assertProblem(get("/api/v1/credentials?maxHours=Infinity"), 400, "maxHours");
        assertProblem(get("/api/v1/credentials?maxHours=NaN"), 400, "maxHours");
        assertProblem(get("/api/v1/credentials?maxCost=1e999999999&currency=EUR"), 400, "maxCost");
        assertThat(get("/api/v1/credentials?maxCost=10&currency=usd").status()).isEqualTo(200);
        assertThat(get("/api/v1/credentials?expires=true&free=false").status()).isEqualTo(200);
    }

    @Test
    void refusesRevisionThatChangesTheProvider() {
        String provider = newProvider("First Academy");
        String other = newProvider("Second Academy");
        String id = published(micro("Moving", provider));

        assertProblem(post("/api/v1/credentials/" + id + "/revisions", micro("Moving", other)), 422, "providerId");
        assertThat(get("/api/v1/credentials/" + id + "/versions").body().size()).isEqualTo(1);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
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
