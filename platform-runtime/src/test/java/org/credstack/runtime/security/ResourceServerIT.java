package org.credstack.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Tag("security")
@SpringBootTest(
        classes = SecurityTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=security-test",
            "management.endpoints.web.exposure.include=health,metrics,prometheus"
        })
@InfrastructureTest
class ResourceServerIT {

    static final String NOTE = "{\"text\":\"hello\"}";

    @LocalServerPort
    int port;

    @Autowired
    Queue<String> stored;

    final String learner = "learner-" + UUID.randomUUID();
    final String provider = "provider-" + UUID.randomUUID();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersAMissingTokenWith401AChallengeAndAProblem() throws Exception {
        HttpResponse<String> response = send("GET", notes(), null, null);

        JsonNode problem = problem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(
                        challenge -> assertThat(challenge).startsWith("Bearer").doesNotContain("error="));
        assertThat(problem.path("detail").asString()).isEqualTo("a bearer access token is required");
    }

    @Test
    void refusesAForgedTokenWith401() throws Exception {
        refusedAsInvalid(TestTokens.forged(TestTokens.learner(learner)));
    }

    @Test
    void refusesAnExpiredTokenWith401() throws Exception {
        refusedAsInvalid(TestTokens.expired(TestTokens.learner(learner)));
    }

    @Test
    void refusesAnUnsignedTokenWith401() throws Exception {
        refusedAsInvalid(TestTokens.unsigned(TestTokens.learner(learner)));
    }

    @Test
    void refusesATokenOfAnotherIssuerWith401() throws Exception {
        String otherIssuer = TestTokens.token(
                learner, List.of("learner"), List.of(), claims -> claims.issuer("https://elsewhere.example"));

        refusedAsInvalid(otherIssuer);
    }

    @Test
    void refusesAnInvalidTokenOnAPublicPathToo() throws Exception {
        HttpResponse<String> response =
                send("GET", "/api/v1/announcements", TestTokens.expired(TestTokens.learner(learner)), null);

        problem(response, 401, "unauthorized");
    }

    @Test
    void letsTheLearnerThemselvesStoreANote() throws Exception {
        HttpResponse<String> response = send("POST", notes(), TestTokens.learner(learner), NOTE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(stored).contains(learner + ":hello");
    }

    @Test
    void refusesAnotherLearnerWith403AndStoresNothing() throws Exception {
        int before = stored.size();

        HttpResponse<String> response = send("POST", notes(), TestTokens.learner("someone-else"), NOTE);

        JsonNode problem = problem(response, 403, "forbidden");
        assertThat(problem.path("detail").asString())
                .isEqualTo("only the learner themselves or an operator may act on this learner's data");
        assertThat(stored).hasSize(before);
    }

    @Test
    void refusesStaffOfAnotherProviderWith403AndStoresNothing() throws Exception {
        int before = stored.size();

        HttpResponse<String> response =
                send("POST", "/api/v1/providers/" + provider + "/credentials", TestTokens.staff("other"), NOTE);

        problem(response, 403, "forbidden");
        assertThat(stored).hasSize(before);
    }

    @Test
    void refusesAPartnerOfAnotherProviderWith403() throws Exception {
        HttpResponse<String> response =
                send("POST", "/api/v1/providers/" + provider + "/statements", TestTokens.partner("other"), NOTE);

        problem(response, 403, "forbidden");
    }

    @Test
    void letsStaffOfOneOfTheirProvidersPublish() throws Exception {
        HttpResponse<String> response = send(
                "POST",
                "/api/v1/providers/" + provider + "/credentials",
                TestTokens.staff("first-" + provider, provider),
                NOTE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void letsAnOperatorActOnAnyLearnerAndProvider() throws Exception {
        String operator = TestTokens.operator();

        assertThat(send("POST", notes(), operator, NOTE).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/providers/" + provider + "/credentials", operator, NOTE)
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/api/v1/providers/" + provider + "/statements", operator, NOTE)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/audit", operator, null).statusCode()).isEqualTo(200);
    }

    @Test
    void keepsTheDeadLettersToOperatorsWith403ProblemForOthers() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/dead-letters", TestTokens.staff(provider), null);

        problem(response, 403, "forbidden");
    }

    @Test
    void keepsTheMetricsToOperatorsAndTheHealthPublic() throws Exception {
        problem(send("GET", "/actuator/metrics", TestTokens.staff(provider), null), 403, "forbidden");
        problem(send("GET", "/actuator/metrics/jvm.memory.used", TestTokens.learner("ada"), null), 403, "forbidden");
        problem(send("GET", "/actuator/metrics", null, null), 401, "unauthorized");
        assertThat(send("GET", "/actuator/metrics", TestTokens.operator(), null).statusCode())
                .isNotIn(401, 403);
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isNotIn(401, 403);
    }

    @Test
    void letsPrometheusScrapeWithoutAToken() throws Exception {
        HttpResponse<String> scrape = send("GET", "/actuator/prometheus", null, null);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(send("GET", "/actuator/prometheus", "not-a-token", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void observesEachRequestOnceNotEachSecurityStep() throws Exception {
        assertThat(send("GET", notes(), TestTokens.learner(learner), null).statusCode())
                .isEqualTo(200);

        String scrape = send("GET", "/actuator/prometheus", null, null).body();

        assertThat(scrape).contains("http_server_requests_seconds_count");
        assertThat(scrape).doesNotContain("spring_security_");
    }

    @Test
    void answersARequestTheFirewallRefusesWithAProblem() throws Exception {
        JsonNode problem =
                problem(send("GET", "/api/v1/notes;x=1", TestTokens.operator(), null), 400, "invalid-request-target");

        assertThat(problem.path("detail").asString()).contains("path parameters");
    }

    @Test
    void readsTheCallerFromTheClaims() throws Exception {
        HttpResponse<String> response = send(
                "GET",
                "/api/v1/me",
                TestTokens.token("staff-7", List.of("provider_staff", "offline_access"), List.of("p1", "p2")),
                null);

        JsonNode caller = JsonMapper.shared().readTree(response.body());
        assertThat(caller.path("id").asString()).isEqualTo("staff-7");
        assertThat(caller.path("roles").valueStream().map(JsonNode::asString)).containsExactly("PROVIDER_STAFF");
        assertThat(caller.path("providerIds").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void answersPublicPathsWithoutAToken() throws Exception {
        assertThat(send("GET", "/api/v1/announcements", null, null).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/issuers/" + provider, null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v3/api-docs", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheProtectedResourceMetadataTheChallengeNames() throws Exception {
        HttpResponse<String> response = send("GET", "/.well-known/oauth-protected-resource", null, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonMapper.shared()
                        .readTree(response.body())
                        .path("resource")
                        .asString())
                .isEqualTo("http://localhost:" + port);
    }

    private void refusedAsInvalid(String token) throws Exception {
        int before = stored.size();

        HttpResponse<String> response = send("POST", notes(), token, NOTE);

        problem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
        assertThat(stored).hasSize(before);
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String name) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception", "java.", "org.springframework");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:credstack:problem:" + name);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        return problem;
    }

    private String notes() {
        return "/api/v1/learners/" + learner + "/notes";
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }
}
