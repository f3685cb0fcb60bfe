package org.credstack.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credstack.runtime.security.SecurityTestApplication;
import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.TestClock;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit log of the runtime: what an entry holds, and {@code GET /api/v1/audit-log} for operators. */
@Tag("security")
@SpringBootTest(
        classes = SecurityTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=security-test")
@InfrastructureTest
class AuditLogIT {

    static final String NOTE = "{\"text\":\"hello\"}";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    JsonMapper json;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String provider = "provider-" + run;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void recordsTheCallerTheTargetAndTheProviderOfAnAction() throws Exception {
        clock.advance(Duration.ofDays(1).plusMillis(123));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        HttpResponse<String> published =
                send("POST", "/api/v1/providers/" + provider + "/credentials", TestTokens.staff(provider, "p-x"), NOTE);

        assertThat(published.statusCode()).isEqualTo(201);
        JsonNode entry = only(read("providerId=" + provider));
        assertThat(entry.get("action").asString()).isEqualTo("credential.published");
        assertThat(entry.get("target").asString()).isEqualTo("/api/v1/providers/" + provider + "/credentials");
        assertThat(entry.get("providerId").asString()).isEqualTo(provider);
        assertThat(entry.get("at").asString()).isEqualTo(at.toString());
        assertThat(entry.get("details").get("text").asString()).isEqualTo("hello");
        JsonNode actor = entry.get("actor");
        assertThat(actor.get("roles").toString()).isEqualTo("[\"provider_staff\"]");
        assertThat(actor.get("providerIds").toString()).isEqualTo("[\"p-x\",\"" + provider + "\"]");
        assertThat(actor.get("id").asString()).isNotBlank();
        assertThat(mongo.getCollection(AuditLog.COLLECTION)
                        .find(new org.bson.Document("providerId", provider))
                        .first())
                .containsEntry("action", "credential.published")
                .containsKey("_id");
    }

    @Test
    void recordsTheSubjectOfTheToken() throws Exception {
        String staff = "staff-" + run;
        send(
                "POST",
                "/api/v1/providers/" + provider + "/credentials",
                TestTokens.token(staff, List.of("provider_staff"), List.of(provider)),
                NOTE);

        JsonNode entry = only(read("actorId=" + staff));
        assertThat(entry.get("providerId").asString()).isEqualTo(provider);
    }

    @Test
    void recordsNothingForARefusedCall() throws Exception {
        long before = mongo.getCollection(AuditLog.COLLECTION).countDocuments();

        HttpResponse<String> refused =
                send("POST", "/api/v1/providers/" + provider + "/credentials", TestTokens.staff("other"), NOTE);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(mongo.getCollection(AuditLog.COLLECTION).countDocuments()).isEqualTo(before);
        assertThat(read("providerId=" + provider).get("entries")).isEmpty();
    }

    @Test
    void recordsTheServiceItselfWithoutACaller() throws Exception {
        auditLog.record("job.finished", AuditTarget.ofProvider(provider, "/jobs/" + run), Map.of());

        JsonNode actor = only(read("providerId=" + provider)).get("actor");
        assertThat(actor.get("id").asString()).isEqualTo("system:security-test");
        assertThat(actor.get("roles")).isEmpty();
    }

    @Test
    void listsNewestFirstAndPagesWithTheCursor() throws Exception {
        for (int i = 1; i <= 5; i++) {
            auditLog.record("note.written", AuditTarget.ofProvider(provider, "/notes/" + i), Map.of("n", i));
        }

        List<String> targets = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = read("providerId=" + provider + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("entries").forEach(e -> targets.add(e.get("target").asString()));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(targets).containsExactly("/notes/5", "/notes/4", "/notes/3", "/notes/2", "/notes/1");
        JsonNode newest = read("limit=2");
        assertThat(newest.get("entries")).hasSize(2);
        assertThat(newest.get("entries").get(0).get("target").asString()).isEqualTo("/notes/5");
        assertThat(newest.get("next").asString())
                .isEqualTo(newest.get("entries").get(1).get("id").asString());
    }

    @Test
    void filtersByActionActorProviderAndTime() throws Exception {
        clock.advance(Duration.ofDays(1));
        Instant eight = clock.instant();
        auditLog.record("key.created", AuditTarget.ofProvider(provider, "/keys/1"), Map.of());
        clock.advance(Duration.ofHours(1));
        auditLog.record("key.revoked", AuditTarget.ofProvider(provider, "/keys/1"), Map.of());
        clock.advance(Duration.ofHours(1));
        auditLog.record("key.created", AuditTarget.ofProvider(provider, "/keys/2"), Map.of());
        auditLog.record("key.created", AuditTarget.ofProvider("other-" + run, "/keys/3"), Map.of());

        assertThat(targets(read("providerId=" + provider + "&action=key.created")))
                .containsExactly("/keys/2", "/keys/1");
        String nine = eight.plus(Duration.ofHours(1)).toString();
        String ten = eight.plus(Duration.ofHours(2)).toString();
        // the same instant as eight o'clock UTC, written with another offset
        String eightElsewhere = eight.atOffset(ZoneOffset.ofHours(2)).toString();

        assertThat(targets(read("providerId=" + provider + "&from=" + nine))).containsExactly("/keys/2", "/keys/1");
        assertThat(targets(read("providerId=" + provider + "&from=" + nine + "&to=" + ten)))
                .containsExactly("/keys/1");
        assertThat(targets(read("providerId=" + provider + "&to=" + encoded(eightElsewhere))))
                .isEmpty();
        assertThat(targets(read("action=key.created&actorId=system:security-test&from=" + ten)))
                .containsExactly("/keys/3", "/keys/2");
    }

    @Test
    void answersAnonymousWith401AndOthersThanOperatorsWith403() throws Exception {
        assertProblem(send("GET", "/api/v1/audit-log", null, null), 401, "unauthorized");
        assertProblem(send("GET", "/api/v1/audit-log", TestTokens.staff(provider), null), 403, "forbidden");
        assertProblem(send("GET", "/api/v1/audit-log", TestTokens.learner("l-" + run), null), 403, "forbidden");
        assertProblem(send("GET", "/api/v1/audit-log", TestTokens.partner(provider), null), 403, "forbidden");
    }

    @Test
    void refusesBadParametersWithAProblemNamingThem() throws Exception {
        assertField("limit=0", "limit");
        assertField("limit=501", "limit");
        assertField("limit=ten", "limit");
        assertField("cursor=-3", "cursor");
        assertField("from=yesterday", "from");
        assertField("to=2026-04-01T10:00:00", "to");
        assertField("from=2026-04-02T00:00:00Z&to=2026-04-01T00:00:00Z", "to");
    }

    private void assertField(String query, String field) throws Exception {
        JsonNode problem = assertProblem(
                send("GET", "/api/v1/audit-log?" + query, TestTokens.operator(), null), 400, "invalid-request");
        assertThat(problem.get("errors").get(0).get("field").asString())
                .as(query)
                .isEqualTo(field);
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String name) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:credstack:problem:" + name);
        return problem;
    }

    private static List<String> targets(JsonNode page) {
        List<String> targets = new ArrayList<>();
        page.get("entries").forEach(e -> targets.add(e.get("target").asString()));
        return targets;
    }

    private static JsonNode only(JsonNode page) {
        assertThat(page.get("entries")).hasSize(1);
        return page.get("entries").get(0);
    }

    private JsonNode read(String query) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/audit-log?" + query, TestTokens.operator(), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
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

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
