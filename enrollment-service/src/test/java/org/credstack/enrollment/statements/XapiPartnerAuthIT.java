package org.credstack.enrollment.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.byProvider;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.enrollment.Credentials.tracked;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who may post xAPI statements: partner keys over HTTP Basic and partner tokens of the activity's provider, and
 * operators; a statement about another provider's activity refuses its whole batch.
 */
class XapiPartnerAuthIT extends ServiceIT {

    private static final String VERSION = "X-Experience-API-Version";

    private String ownActivity;
    private String foreignActivity;
    private String keyId;
    private String secret;

    @BeforeEach
    void catalogAndKey() {
        CredentialSnapshot own =
                published(snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("lab"), "Completed", null)));
        CredentialSnapshot foreign = published(byProvider(
                snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("lab"), "Completed", null)),
                "provider-2"));
        ownActivity = own.assignments().getFirst().activityId();
        foreignActivity = foreign.assignments().getFirst().activityId();
        JsonNode key = api.as(TestTokens.staff(PROVIDER))
                .post("/api/v1/providers/" + PROVIDER + "/partner-keys", "{}")
                .body();
        keyId = key.get("id").stringValue();
        secret = key.get("secret").stringValue();
    }

    @Test
    void acceptsThePartnerKeyOfTheActivitysProvider() {
        UUID id = UUID.randomUUID();

        Api.Response response = post(basic(keyId, secret), statement(id, ownActivity));

        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        assertThat(response.header(VERSION)).isEqualTo("1.0.3");
        assertThat(stored(id).providerIds()).containsExactly(PROVIDER);
    }

    @Test
    void asksACallerWithoutCredentialsToAuthenticateBeforeCheckingTheVersion() {
        Api.Response response =
                api.anonymous().post("/xapi/statements", statement(UUID.randomUUID(), ownActivity), Map.of());

        assertThat(response.status()).as(response.raw().body()).isEqualTo(401);
        assertThat(response.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:unauthorized");
        assertThat(response.header(VERSION)).isEqualTo("2.0.0");
    }

    @Test
    void refusesAWrongSecretAnUnknownKeyAndNoCredentialsWithBothChallenges() {
        UUID id = UUID.randomUUID();

        Api.Response wrongSecret = post(basic(keyId, secret + "x"), statement(id, ownActivity));
        Api.Response unknownKey = post(basic("pk-" + "0".repeat(32), secret), statement(id, ownActivity));
        Api.Response none = post(null, statement(id, ownActivity));
        Api.Response forgedToken =
                post(TestTokens.bearer(TestTokens.forged(TestTokens.partner(PROVIDER))), statement(id, ownActivity));

        for (Api.Response refused : new Api.Response[] {wrongSecret, unknownKey, none, forgedToken}) {
            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:unauthorized");
            assertThat(refused.body().get("instance").stringValue()).isEqualTo("/xapi/statements");
            assertThat(refused.raw().headers().allValues("WWW-Authenticate"))
                    .anyMatch(challenge -> challenge.startsWith("Basic realm=\"xAPI\""))
                    .anyMatch(challenge -> challenge.startsWith("Bearer"));
            assertThat(refused.header(VERSION)).isEqualTo("1.0.3");
        }
        assertThat(mongo.findById(id.toString(), StoredStatement.class)).isNull();
        assertThat(none.body().get("detail").stringValue())
                .isEqualTo("a partner key (HTTP Basic) or a bearer access token is required");
    }

    @Test
    void refusesARevokedKey() {
        api.post("/api/v1/providers/" + PROVIDER + "/partner-keys/" + keyId + "/revoke", "");
        UUID id = UUID.randomUUID();

        Api.Response response = post(basic(keyId, secret), statement(id, ownActivity));

        assertThat(response.status()).isEqualTo(401);
        assertThat(mongo.findById(id.toString(), StoredStatement.class)).isNull();
    }

    @Test
    void acceptsAPartnerTokenOfTheActivitysProviderAndRefusesAnotherProvidersPartner() {
        UUID own = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        Api.Response accepted = post(TestTokens.bearer(TestTokens.partner(PROVIDER)), statement(own, ownActivity));
        Api.Response refused = post(TestTokens.bearer(TestTokens.partner("provider-2")), statement(other, ownActivity));

        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:forbidden");
        assertThat(refused.body().at("/errors/0/pointer").stringValue()).isEqualTo("/object/id");
        assertThat(mongo.findById(other.toString(), StoredStatement.class)).isNull();
    }

    @Test
    void refusesPeopleOtherThanPartnersAndOperators() {
        UUID id = UUID.randomUUID();

        Api.Response staff = post(TestTokens.bearer(TestTokens.staff(PROVIDER)), statement(id, ownActivity));
        Api.Response learner = post(TestTokens.bearer(TestTokens.learner("ada")), statement(id, ownActivity));
        Api.Response operator = post(TestTokens.bearer(TestTokens.operator()), statement(id, foreignActivity));

        assertThat(staff.status()).isEqualTo(403);
        assertThat(staff.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:forbidden");
        assertThat(learner.status()).isEqualTo(403);
        assertThat(operator.status()).as("operators report for any provider").isEqualTo(200);
        assertThat(stored(id).providerIds()).isNull();
    }

    @Test
    void aBatchWithOneForeignActivityIsRefusedNamingItAndNothingOfItIsStored() {
        UUID first = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        String batch = "[" + statement(first, ownActivity) + "," + statement(foreign, foreignActivity) + ","
                + statement(unknown, "https://lms.example/activities/" + UUID.randomUUID()) + "]";

        Api.Response response = post(basic(keyId, secret), batch);

        assertThat(response.status()).as(response.raw().body()).isEqualTo(403);
        assertThat(response.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:forbidden");
        assertThat(response.body().at("/errors/0/pointer").stringValue()).isEqualTo("/1/object/id");
        assertThat(response.body().get("detail").stringValue()).contains(foreign.toString());
        for (UUID id : new UUID[] {first, foreign, unknown}) {
            assertThat(mongo.findById(id.toString(), StoredStatement.class)).isNull();
        }
    }

    @Test
    void anActivityUnknownToTheCatalogWaitsInTheInboxWithThePartnersProvider() {
        UUID id = UUID.randomUUID();

        Api.Response response =
                post(basic(keyId, secret), statement(id, "https://lms.example/activities/" + UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(stored(id).providerIds()).containsExactly(PROVIDER);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mongo.findById(id.toString(), UnmatchedStatement.class))
                        .isNotNull()
                        .extracting(UnmatchedStatement::providerIds)
                        .isEqualTo(java.util.List.of(PROVIDER)));
    }

    @Test
    void aPartnerCannotVoidAnotherProvidersStatement() {
        UUID target = UUID.randomUUID();
        post(TestTokens.bearer(TestTokens.partner("provider-2")), statement(target, foreignActivity));
        UUID voiding = UUID.randomUUID();

        Api.Response response = post(basic(keyId, secret), """
                {"id": "%s", "actor": {"mbox": "mailto:nobody@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "%s"}}""".formatted(voiding, target));

        assertThat(response.status()).isEqualTo(403);
        assertThat(mongo.findById(voiding.toString(), StoredStatement.class)).isNull();
        assertThat(stored(target).voided()).isFalse();
    }

    @Test
    void aHeldStatementNeverCompletesAnotherProvidersAssignmentLater() {
        String lab = unique("lab");
        String activity = tracked(lab, "Completed", null).activityId();
        String email = unique("grace") + "@example.org";
        UUID id = UUID.randomUUID();
        post(basic(keyId, secret), """
                {"id": "%s", "actor": {"mbox": "mailto:%s"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                 "object": {"id": "%s"}}""".formatted(id, email, activity));
        CredentialSnapshot foreign = published(byProvider(
                snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(lab, "Completed", null)), "provider-2"));
        assertThat(foreign.assignments().getFirst().activityId()).isEqualTo(activity);
        String learner = learner(email);

        Api.Response enrolled = api.post(
                "/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + foreign.id() + "\"}");

        assertThat(enrolled.status()).isEqualTo(201);
        String enrollment = enrolled.body().get("id").stringValue();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mongo.findById(id.toString(), UnmatchedStatement.class))
                        .extracting(UnmatchedStatement::reason)
                        .isEqualTo("NO_ASSIGNMENT"));
        assertThat(api.get("/api/v1/learners/" + learner + "/enrollments/" + enrollment)
                        .body()
                        .at("/assignments/0/done")
                        .booleanValue())
                .isFalse();
    }

    private Api.Response post(String authorization, String body) {
        Map<String, String> headers = authorization == null
                ? Map.of(VERSION, "1.0.3")
                : Map.of(VERSION, "1.0.3", "Authorization", authorization);
        return api.anonymous().post("/xapi/statements", body, headers);
    }

    private StoredStatement stored(UUID id) {
        return mongo.findById(id.toString(), StoredStatement.class);
    }

    private static String basic(String keyId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((keyId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String statement(UUID id, String activity) {
        return """
                {"id": "%s", "actor": {"mbox": "mailto:nobody-%s@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                 "object": {"id": "%s"}}""".formatted(id, id, activity);
    }
}
