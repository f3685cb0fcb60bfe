package org.credstack.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.notification.Badges.emailOf;
import static org.credstack.notification.Badges.issued;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.credstack.runtime.links.LinkTokens;
import org.credstack.testsupport.security.ActuatorAccess;
import org.credstack.testsupport.security.AuthorizationMatrix;
import org.credstack.testsupport.security.Rule;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what in the notification service (issue 8, docs/authz-badge-notification.md): every operation of
 * its OpenAPI document as every kind of caller; a learner's deliveries (which name e-mail addresses), inbox,
 * reminders and preferences are theirs and operators' only, refused changes store nothing.
 */
class NotificationAuthorizationMatrixIT extends RunningService {

    static final String REMINDERS_OFF = "{\"reminderEmails\": false}";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LinkTokens tokens;

    @Test
    void prometheusScrapesWithoutATokenAndTheMetricsStayWithOperators() {
        ActuatorAccess.verify(baseUrl(), "notification-service");
    }

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() {
        String learner = Badges.learner();
        Instant now = clock.instant();
        // the refused callers all try to mark the first notification read; the learner and an operator the second
        broker.publish(issued(learner, now, now.plus(Duration.ofDays(30)), 7), now);
        broker.publish(issued(learner, now, null), now);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> inbox(learner).size() == 2
                        && deliveries(learner) == 2
                        && mongo.count(byLearner(learner), "reminders") == 1);
        String refusedOne = inbox(learner).get(0).getString("_id");
        String readOne = inbox(learner).get(1).getString("_id");
        String link = tokens.issue("unsubscribe", learner, Map.of(), Duration.ofDays(1));

        AuthorizationMatrix.of(baseUrl(), learner, "provider-of-nothing")
                .storesNothingWhenRefused(() -> storedState(learner, refusedOne))
                .storesNothingWhenRefused(() -> mongo.getCollection("auditLog").countDocuments())
                .rule(
                        Rule.learner(),
                        "GET /api/v1/learners/{learnerId}/deliveries",
                        "GET /api/v1/learners/{learnerId}/notifications",
                        "GET /api/v1/learners/{learnerId}/reminders",
                        "GET /api/v1/learners/{learnerId}/notification-preferences")
                .rule(
                        "POST /api/v1/learners/{learnerId}/notifications/{id}/read",
                        Rule.learner().with("id", kind -> switch (kind) {
                            case LEARNER_SELF, OPERATOR -> readOne;
                            default -> refusedOne;
                        }))
                .rule(
                        "PUT /api/v1/learners/{learnerId}/notification-preferences",
                        Rule.learner().body(REMINDERS_OFF))
                .rule(Rule.anyone().query("token=" + link), "GET /unsubscribe", "POST /unsubscribe")
                .rule(
                        Rule.operator(),
                        "GET /api/v1/dead-letters",
                        "GET /api/v1/audit-log",
                        "GET /api/v1/operations/consumer-lag",
                        "GET /api/v1/operations/last-hour")
                .rule(
                        "POST /api/v1/dead-letters/{dlqTopic}/{partition}/{offset}/replay",
                        Rule.operator().with("partition", "0").with("offset", "0"))
                .verify();

        assertThat(inbox(learner).get(0).get("readAt"))
                .as("marked by refused callers only")
                .isNull();
        assertThat(inbox(learner).get(1).get("readAt"))
                .as("marked by the learner")
                .isNotNull();
    }

    @Test
    void deliveriesNameTheAddressOnlyToTheLearnerAndOperators() throws Exception {
        String learner = Badges.learner();
        Instant now = clock.instant();
        broker.publish(issued(learner, now, null), now);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(learner) == 1);
        String path = "/api/v1/learners/" + learner + "/deliveries";

        HttpResponse<String> own = send("GET", path, TestTokens.learner(learner), null);
        HttpResponse<String> operator = send("GET", path, TestTokens.operator(), null);
        HttpResponse<String> otherLearner = send("GET", path, TestTokens.learner(Badges.learner()), null);
        HttpResponse<String> staff = send("GET", path, TestTokens.staff("provider-1"), null);
        HttpResponse<String> anonymous = send("GET", path, null, null);
        HttpResponse<String> forged = send("GET", path, TestTokens.forged(TestTokens.learner(learner)), null);

        for (HttpResponse<String> allowed : List.of(own, operator)) {
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(json.readTree(allowed.body()).get(0).get("recipient").asString())
                    .isEqualTo(emailOf(learner));
        }
        assertProblem(otherLearner, 403, "forbidden");
        assertProblem(staff, 403, "forbidden");
        assertProblem(anonymous, 401, "unauthorized");
        assertProblem(forged, 401, "unauthorized");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void preferencesChangedByAnyoneButTheLearnerOrAnOperatorStayAsTheyWere() throws Exception {
        String learner = Badges.learner();
        String path = "/api/v1/learners/" + learner + "/notification-preferences";

        List<HttpResponse<String>> forbidden = List.of(
                send("PUT", path, TestTokens.learner(Badges.learner()), REMINDERS_OFF),
                send("PUT", path, TestTokens.staff("provider-1"), REMINDERS_OFF),
                send("PUT", path, TestTokens.partner("provider-1"), REMINDERS_OFF));
        HttpResponse<String> anonymous = send("PUT", path, null, REMINDERS_OFF);
        HttpResponse<String> expired =
                send("PUT", path, TestTokens.expired(TestTokens.learner(learner)), REMINDERS_OFF);

        forbidden.forEach(response -> assertProblem(response, 403, "forbidden"));
        assertProblem(anonymous, 401, "unauthorized");
        assertProblem(expired, 401, "unauthorized");
        assertThat(mongo.findById(learner, Document.class, "learners"))
                .as("nothing stored")
                .isNull();
        JsonNode preferences = json.readTree(
                send("GET", path, TestTokens.learner(learner), null).body());
        assertThat(preferences.get("reminderEmails").asBoolean()).isTrue();
    }

    private List<Object> storedState(String learner, String refusedOne) {
        Document notification = mongo.findById(refusedOne, Document.class, "inbox");
        Document settings = mongo.findById(learner, Document.class, "learners");
        return List.of(
                mongo.count(byLearner(learner), "inbox"),
                deliveries(learner),
                mongo.count(byLearner(learner), "reminders"),
                String.valueOf(notification.get("readAt")),
                settings == null ? "no settings" : settings.toJson());
    }

    private List<Document> inbox(String learner) {
        return mongo.find(byLearner(learner), Document.class, "inbox").stream()
                .sorted((a, b) -> a.getString("_id").compareTo(b.getString("_id")))
                .toList();
    }

    private long deliveries(String learner) {
        return mongo.count(byLearner(learner), "deliveries");
    }

    private static Query byLearner(String learner) {
        return Query.query(Criteria.where("learnerId").is(learner));
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), BodyHandlers.ofString());
        }
    }

    private void assertProblem(HttpResponse<String> response, int status, String name) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("urn:credstack:problem:" + name);
        assertThat(response.body()).doesNotContain("@learners.example");
    }
}
