package org.credstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credstack.identity.account.UserAccount;
import org.credstack.identity.client.ClientRecord;
import org.credstack.testsupport.security.AuthorizationMatrix;
import org.credstack.testsupport.security.CallerKind;
import org.credstack.testsupport.security.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of identity-service's OpenAPI document as every kind of caller, with real tokens this service
 * issued (it checks its own tokens, not the test key the other services trust): anyone may register a learner
 * account; only operators make staff accounts and partner clients and read the audit log and the dead letters. No refused call stores an
 * account, a client or an audit entry.
 */
class IdentityAuthorizationMatrixIT extends RunningIdentity {

    private static final String PROVIDER = "demo-provider";

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() {
        String operator = operatorToken();
        Map<String, String> self = newLearner();
        Map<String, String> other = newLearner();
        String otherProvider = "provider-" + UUID.randomUUID();
        JsonNode otherStaff = created(postJson(
                "/api/v1/providers/" + otherProvider + "/staff",
                "{\"email\":\"staff-%s@other.example\",\"displayName\":\"Other Staff\"}".formatted(UUID.randomUUID()),
                operator));
        JsonNode otherPartner = created(
                postJson("/api/v1/providers/" + otherProvider + "/clients", "{\"name\":\"Other LMS\"}", operator));

        AuthorizationMatrix matrix = AuthorizationMatrix.of(baseUrl(), self.get("id"), PROVIDER)
                .authorization(CallerKind.LEARNER_SELF, bearer(signIn(self)))
                .authorization(CallerKind.LEARNER_OTHER, bearer(signIn(other)))
                .authorization(
                        CallerKind.STAFF_OWN_PROVIDER,
                        bearer(signIn(
                                credentials().getProperty("staff.email"),
                                credentials().getProperty("staff.password"))))
                .authorization(
                        CallerKind.STAFF_OTHER_PROVIDER,
                        bearer(signIn(
                                otherStaff.path("email").asString(),
                                otherStaff.path("password").asString())))
                .authorization(CallerKind.PARTNER_OWN_PROVIDER, "Bearer " + partnerToken())
                .authorization(
                        CallerKind.PARTNER_OTHER_PROVIDER,
                        "Bearer "
                                + clientToken(
                                        otherPartner.path("clientId").asString(),
                                        otherPartner.path("clientSecret").asString()))
                .authorization(CallerKind.OPERATOR, "Bearer " + operator);

        matrix.storesNothingWhenRefused(this::stored)
                .rule(
                        "POST /api/v1/accounts",
                        // self-registration is public; the same e-mail again is a 409, past authorization
                        Rule.anyone().body("""
                                {"email": "matrix-%s@example.org", "password": "correct horse battery",
                                 "displayName": "Matrix"}""".formatted(UUID.randomUUID())))
                .rule(
                        "POST /api/v1/providers/{providerId}/staff",
                        Rule.operator().body("""
                        {"email": "staff-%s@demo-provider.example", "displayName": "New Staff"}""".formatted(UUID.randomUUID())))
                .rule(
                        "POST /api/v1/providers/{providerId}/clients",
                        Rule.operator().body("""
                        {"name": "Matrix LMS"}"""))
                // a person's own account; a client's token names no account (404, past authorization)
                .rule("GET /api/v1/accounts/me", Rule.anyCaller())
                .rule(
                        Rule.operator(),
                        "GET /api/v1/audit-log",
                        "GET /api/v1/dead-letters",
                        "GET /api/v1/operations/consumer-lag",
                        "GET /api/v1/operations/last-hour")
                .rule(
                        "POST /api/v1/dead-letters/{dlqTopic}/{partition}/{offset}/replay",
                        Rule.operator()
                                .with("dlqTopic", "catalog.credentials.v1.identity-service.dlq")
                                .with("partition", "0")
                                .with("offset", "0"))
                .verify();
    }

    @Test
    void aTokenExpiredLongerThanTheClockSkewIsRefusedAsByEveryService(
            @org.springframework.beans.factory.annotation.Autowired
                    org.springframework.security.oauth2.jwt.JwtEncoder encoder) {
        java.time.Instant now = java.time.Instant.now();
        String expired = encoder.encode(org.springframework.security.oauth2.jwt.JwtEncoderParameters.from(
                        org.springframework.security.oauth2.jwt.JwtClaimsSet.builder()
                                .subject(newLearner().get("id"))
                                .claim("roles", List.of("learner"))
                                .issuedAt(now.minusSeconds(600))
                                .expiresAt(now.minusSeconds(45))
                                .build()))
                .getTokenValue();

        HttpResponse<String> refused = getWithToken("/api/v1/accounts/me", expired);

        assertThat(refused.statusCode())
                .as("45 s past exp, beyond the 30 s skew")
                .isEqualTo(401);
    }

    @Test
    void anUnknownPathIsA401ProblemForAProgramAndTheSignInFormForABrowser() {
        HttpResponse<String> program = send(browser(), java.net.http.HttpRequest.newBuilder(uri("/nope")));
        HttpResponse<String> person = send(
                browser(), java.net.http.HttpRequest.newBuilder(uri("/nope")).header("Accept", "text/html"));

        assertThat(program.statusCode()).isEqualTo(401);
        assertThat(json.readTree(program.body()).path("type").asString())
                .isEqualTo("urn:credstack:problem:unauthorized");
        assertThat(json.readTree(program.body()).path("instance").asString())
                .as("named like every service's problems")
                .isEqualTo("/nope");
        assertThat(person.statusCode()).isEqualTo(302);
        HttpResponse<String> refusedTarget =
                send(browser(), java.net.http.HttpRequest.newBuilder(uri("/api/v1/accounts;x=1")));
        assertThat(refusedTarget.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refusedTarget.body()).path("type").asString())
                .isEqualTo("urn:credstack:problem:invalid-request-target");
        assertThat(person.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void prometheusScrapesWithoutATokenWhileTheMetricsAreForOperators() {
        HttpResponse<String> scrape =
                send(browser(), java.net.http.HttpRequest.newBuilder(uri("/actuator/prometheus")));

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("application=\"identity-service\"");
        assertThat(send(browser(), java.net.http.HttpRequest.newBuilder(uri("/actuator/metrics")))
                        .statusCode())
                .as("no token, no metrics")
                .isEqualTo(401);
    }

    @Test
    void theMetricsAreForOperators() {
        Map<String, String> learner = newLearner();
        HttpResponse<String> asLearner = getWithToken(
                "/actuator/metrics", signIn(learner).path("access_token").asString());

        assertThat(asLearner.statusCode()).isEqualTo(403);
        assertThat(json.readTree(asLearner.body()).path("type").asString())
                .isEqualTo("urn:credstack:problem:forbidden");
        assertThat(json.readTree(asLearner.body()).path("instance").asString()).isEqualTo("/actuator/metrics");
        assertThat(getWithToken("/actuator/metrics", operatorToken()).statusCode())
                .isNotIn(401, 403);
    }

    private List<Long> stored() {
        return List.of(
                mongo.count(new Query(), UserAccount.COLLECTION),
                mongo.count(new Query(), ClientRecord.COLLECTION),
                mongo.count(new Query(), "auditLog"));
    }

    private JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private JsonNode signIn(Map<String, String> learner) {
        return signIn(learner.get("email"), learner.get("password"));
    }

    private static String bearer(JsonNode tokens) {
        return "Bearer " + tokens.path("access_token").asString();
    }

    private String clientToken(String clientId, String secret) {
        HttpResponse<String> response =
                tokenRequest(clientId, secret, Map.of("grant_type", "client_credentials", "scope", "credstack"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }
}
