package org.credstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import org.bson.Document;
import org.credstack.identity.account.UserAccount;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

class AuthorizationCodeIT extends RunningIdentity {

    @Test
    void learnerSignsInWithPkceAndGetsATokenWhoseSubjectIsTheLearnerId() {
        Map<String, String> learner = newLearner();

        JsonNode tokens = signIn(learner.get("email"), learner.get("password"));

        Jwt access = verify(baseUrl(), tokens.path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo(learner.get("id"));
        assertThat(access.getClaimAsStringList("roles")).containsExactly("learner");
        assertThat(access.hasClaim("provider_ids")).isFalse();
        assertThat(access.getClaimAsString("scope").split(" "))
                .containsExactlyInAnyOrder("openid", "profile", "email", "credstack");
        Jwt id = verify(baseUrl(), tokens.path("id_token").asString());
        assertThat(id.getSubject()).isEqualTo(learner.get("id"));
        assertThat(id.getClaimAsString("email")).isEqualTo(learner.get("email"));
        HttpResponse<String> me =
                getWithToken("/api/v1/accounts/me", tokens.path("access_token").asString());
        assertThat(json.readTree(me.body()).path("id").asString()).isEqualTo(learner.get("id"));
    }

    @Test
    void refreshGivesANewAccessTokenAndRotatesTheRefreshToken() {
        Map<String, String> learner = newLearner();
        JsonNode first = signIn(learner.get("email"), learner.get("password"));
        Properties credentials = credentials();
        Map<String, String> refresh = Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                first.path("refresh_token").asString());

        HttpResponse<String> refreshed = tokenRequest(
                credentials.getProperty("web.client-id"), credentials.getProperty("web.client-secret"), refresh);

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode second = json.readTree(refreshed.body());
        Jwt access = verify(baseUrl(), second.path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo(learner.get("id"));
        assertThat(access.getClaimAsStringList("roles")).containsExactly("learner");
        assertThat(second.path("access_token").asString())
                .isNotEqualTo(first.path("access_token").asString());
        assertThat(second.path("refresh_token").asString())
                .isNotEqualTo(first.path("refresh_token").asString());
        HttpResponse<String> reused = tokenRequest(
                credentials.getProperty("web.client-id"), credentials.getProperty("web.client-secret"), refresh);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(reused.body()).path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void providerStaffTokenNamesTheirProviders() {
        Properties credentials = credentials();

        JsonNode tokens = signIn(credentials.getProperty("staff.email"), credentials.getProperty("staff.password"));

        Jwt access = verify(baseUrl(), tokens.path("access_token").asString());
        assertThat(access.getClaimAsStringList("roles")).containsExactly("provider_staff");
        assertThat(access.getClaimAsStringList("provider_ids")).containsExactly("demo-provider");
    }

    @Test
    void operatorCreatesStaffWhoSignInWithTheGeneratedPassword() {
        String email = "staff-" + java.util.UUID.randomUUID() + "@provider-7.example";
        HttpResponse<String> created = postJson(
                "/api/v1/providers/provider-7/staff",
                "{\"email\":\"%s\",\"displayName\":\"Grace Hopper\"}".formatted(email),
                operatorToken());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode staff = json.readTree(created.body());
        Jwt access = verify(
                baseUrl(),
                signIn(email, staff.path("password").asString())
                        .path("access_token")
                        .asString());
        assertThat(access.getSubject()).isEqualTo(staff.path("id").asString());
        assertThat(access.getClaimAsStringList("roles")).containsExactly("provider_staff");
        assertThat(access.getClaimAsStringList("provider_ids")).containsExactly("provider-7");
        HttpResponse<String> audit =
                getWithToken("/api/v1/audit-log?action=staff-account.created&providerId=provider-7", operatorToken());
        assertThat(audit.body())
                .as("the audit log names the new account, never its password")
                .contains(
                        "/api/v1/providers/provider-7/staff/" + staff.path("id").asString())
                .doesNotContain(staff.path("password").asString());
    }

    @Test
    void wrongPasswordSendsBackToTheSignInFormWithoutACode() {
        Map<String, String> learner = newLearner();

        HttpResponse<String> refused = signInRefused(learner.get("email"), "wrong password!!");

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void authorizationWithoutPkceIsRefused() {
        Properties credentials = credentials();

        HttpResponse<String> response = get(
                browser(),
                "/oauth2/authorize?"
                        + form(Map.of(
                                "response_type", "code",
                                "client_id", credentials.getProperty("web.client-id"),
                                "redirect_uri", credentials.getProperty("web.redirect-uri"),
                                "scope", "openid",
                                "state", "no-pkce")),
                "text/html");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith(credentials.getProperty("web.redirect-uri"))
                .contains("error=invalid_request")
                .doesNotContain("code=");
    }

    @Test
    void storesPasswordsOnlyAsHashes() {
        Map<String, String> learner = newLearner();

        Document stored = mongo.findById(learner.get("id"), Document.class, UserAccount.COLLECTION);

        assertThat(stored.toJson()).doesNotContain(learner.get("password"));
        assertThat(stored.getString("passwordHash")).startsWith("{bcrypt}");
    }
}
