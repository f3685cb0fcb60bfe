package org.credstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.credstack.identity.account.UserAccount;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

class RegistrationIT extends RunningIdentity {

    @Test
    void registersALearnerUnderANewUuid() {
        Map<String, String> learner = newLearner();

        UserAccount stored = mongo.findById(learner.get("id"), UserAccount.class);
        assertThat(java.util.UUID.fromString(learner.get("id")).toString()).isEqualTo(learner.get("id"));
        assertThat(stored.email()).isEqualTo(learner.get("email"));
        assertThat(stored.roleClaims()).containsExactly("learner");
        assertThat(stored.providerIds()).isEmpty();
    }

    @Test
    void refusesATakenEmailWith409AndStoresNothing() {
        Map<String, String> learner = newLearner();
        long users = mongo.count(new Query(), UserAccount.COLLECTION);

        HttpResponse<String> again = postJson(
                "/api/v1/accounts",
                "{\"email\":\"%s\",\"password\":\"another password 1\",\"displayName\":\"Someone Else\"}"
                        .formatted(learner.get("email").toUpperCase()),
                null);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(again.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:credstack:problem:email-taken");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("email");
        assertThat(mongo.count(new Query(), UserAccount.COLLECTION)).isEqualTo(users);
    }

    @Test
    void refusesBadInputWith400NamingTheFieldAndStoresNothing() {
        long users = mongo.count(new Query(), UserAccount.COLLECTION);

        HttpResponse<String> badEmail = postJson(
                "/api/v1/accounts",
                "{\"email\":\"not an e-mail\",\"password\":\"long enough password\",\"displayName\":\"A\"}",
                null);
        HttpResponse<String> shortPassword = postJson(
                "/api/v1/accounts",
                "{\"email\":\"short@example.org\",\"password\":\"short\",\"displayName\":\"A\"}",
                null);
        HttpResponse<String> noName = postJson(
                "/api/v1/accounts", "{\"email\":\"noname@example.org\",\"password\":\"long enough password\"}", null);
        HttpResponse<String> tooManyBytes = postJson(
                "/api/v1/accounts",
                "{\"email\":\"bytes@example.org\",\"password\":\"%s\",\"displayName\":\"A\"}".formatted("é".repeat(40)),
                null);
        HttpResponse<String> notJson = postJson("/api/v1/accounts", "{\"email\":", null);

        assertThat(fieldOf(badEmail)).isEqualTo("email");
        assertThat(fieldOf(shortPassword)).isEqualTo("password");
        assertThat(fieldOf(noName)).isEqualTo("displayName");
        assertThat(fieldOf(tooManyBytes)).isEqualTo("password");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(mongo.count(new Query(), UserAccount.COLLECTION)).isEqualTo(users);
    }

    private String fieldOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:credstack:problem:invalid-request");
        return problem.path("errors").get(0).path("field").asString();
    }
}
