package org.credstack.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.byProvider;
import static org.credstack.enrollment.Credentials.selfPaced;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.testsupport.security.CallerKind.STAFF_OTHER_PROVIDER;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.testsupport.security.ActuatorAccess;
import org.credstack.testsupport.security.AuthorizationMatrix;
import org.credstack.testsupport.security.Rule;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every operation of enrollment-service's OpenAPI document as every kind of caller (docs/authz-enrollment.md): the
 * learner's own paths for that learner and operators, provider completions for that provider's staff (of the
 * enrollment's provider, not only the path's) and operators, the inbox and dead letters for operators. No refused write changes a learner, an enrollment or a
 * statement. Partner keys belong to the provider's staff; xAPI statements to partners of the activity's provider.
 * The renewal link pages are not in the document (they are HTML); RenewalsIT calls them without a token.
 */
class EnrollmentAuthorizationMatrixIT extends ServiceIT {

    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    @Test
    void prometheusScrapesWithoutATokenAndTheMetricsStayWithOperators() {
        ActuatorAccess.verify(baseUrl(), "enrollment-service");
    }

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() {
        AuthorizationMatrix matrix = AuthorizationMatrix.of(baseUrl());
        String learnerId = matrix.learnerId();
        String providerId = matrix.providerId();
        String email = unique("matrix") + "@example.org";
        CredentialSnapshot credential = published(byProvider(
                snapshot(unique("matrix-cred"), 1, "PUBLISHED", all(), selfPaced("r1"), selfPaced("r2")), providerId));
        CredentialSnapshot another = published(
                byProvider(snapshot(unique("matrix-cred"), 1, "PUBLISHED", all(), selfPaced("r1")), providerId));
        String activity = unique("matrix-activity");
        published(byProvider(
                snapshot(
                        unique("matrix-cred"), 1, "PUBLISHED", all(), Credentials.tracked(activity, "Completed", null)),
                providerId));
        registerAs(learnerId, email);
        String enrollment = enroll(learnerId, credential.id());
        String toWithdraw = enroll(learnerId, another.id());
        String statementId = UUID.randomUUID().toString();
        String statement = """
                {"id": "%s", "actor": {"mbox": "mailto:%s"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                 "object": {"id": "https://lms.example/activities/%s"}}""".formatted(statementId, unique("nobody") + "@example.org", activity);
        String partnerKey = api.as(TestTokens.staff(providerId))
                .post("/api/v1/providers/" + providerId + "/partner-keys", "{}")
                .body()
                .get("id")
                .stringValue();
        tools.jackson.databind.JsonNode webhookSecret = api.as(TestTokens.staff(providerId))
                .post("/api/v1/providers/" + providerId + "/webhook-secrets", "")
                .body();
        String webhookId = "msg_" + UUID.randomUUID();
        String completion = """
                {"specversion": "1.0", "id": "%s", "source": "https://lms.example/webhooks",
                 "type": "org.credstack.partner.CompletionReported.v1", "datacontenttype": "application/json",
                 "data": {"learner": {"mbox": "mailto:%s"}, "activityId": "https://lms.example/activities/%s",
                          "statementId": "%s", "verb": "http://adlnet.gov/expapi/verbs/completed"}}""".formatted(webhookId, email, activity, UUID.randomUUID());
        long signedAt = clock.instant().getEpochSecond();

        matrix.storesNothingWhenRefused(() -> stored(learnerId, providerId))
                .storesNothingWhenRefused(() -> mongo.getCollection("auditLog").countDocuments())
                .rule(
                        "POST /api/v1/learners",
                        // the learner registers themselves (already registered: 200); another learner may not
                        // register them, nor may staff or partners
                        Rule.learner().body("""
                                {"id": "%s", "displayName": "Ada", "emails": ["%s"]}""".formatted(learnerId, email)))
                .rule("GET /api/v1/learners/{learnerId}", Rule.learner())
                .rule(
                        "PUT /api/v1/learners/{learnerId}/identifiers",
                        Rule.learner().body("""
                        {"emails": ["%s"]}""".formatted(email)))
                .rule("PUT /api/v1/learners/{learnerId}/email", Rule.learner().body("""
                        {"email": "%s"}""".formatted(email)))
                .rule("GET /api/v1/learners/{learnerId}/enrollments", Rule.learner())
                .rule(
                        "POST /api/v1/learners/{learnerId}/enrollments",
                        Rule.learner().body("""
                        {"credentialId": "%s"}""".formatted(credential.id())))
                .rule(
                        "GET /api/v1/learners/{learnerId}/enrollments/{enrollmentId}",
                        Rule.learner().with("enrollmentId", enrollment))
                .rule(
                        "POST /api/v1/learners/{learnerId}/enrollments/{enrollmentId}/withdraw",
                        Rule.learner().with("enrollmentId", toWithdraw))
                .rule(
                        "POST /api/v1/learners/{learnerId}/enrollments/{enrollmentId}/assignments/{assignmentId}/complete",
                        Rule.learner().with("enrollmentId", enrollment).with("assignmentId", "r1"))
                .rule(
                        "POST /api/v1/learners/{learnerId}/renewals",
                        Rule.learner().body("""
                        {"badgeId": "https://badges.example/credentials/none"}"""))
                .rule(
                        "POST /api/v1/learners/{learnerId}/renewals/{enrollmentId}/attestation",
                        Rule.learner().with("enrollmentId", enrollment))
                .rule(
                        "POST /api/v1/providers/{providerId}/enrollments/{enrollmentId}/assignments/{assignmentId}/complete",
                        // staff of another provider naming their own provider in the path: the enrollment's
                        // provider is checked, not the path's
                        Rule.providerStaff()
                                .body("{}")
                                .with("enrollmentId", enrollment)
                                .with("assignmentId", "r2")
                                .with(
                                        "providerId",
                                        kind -> kind == STAFF_OTHER_PROVIDER ? providerId + "-other" : providerId))
                .rule("GET /api/v1/providers/{providerId}/enrollments", Rule.providerStaff())
                .rule("GET /api/v1/inbox/unmatched", Rule.operator())
                .rule(
                        Rule.operator(),
                        "GET /api/v1/dead-letters",
                        "GET /api/v1/audit-log",
                        "GET /api/v1/operations/consumer-lag",
                        "GET /api/v1/operations/last-hour")
                .rule(
                        "POST /api/v1/dead-letters/{dlqTopic}/{partition}/{offset}/replay",
                        Rule.operator().with("partition", "0").with("offset", "0"))
                .rule(
                        "POST /api/v1/providers/{providerId}/partner-keys",
                        Rule.providerStaff().body("""
                        {"label": "matrix"}"""))
                .rule("GET /api/v1/providers/{providerId}/partner-keys", Rule.providerStaff())
                .rule(
                        "POST /api/v1/providers/{providerId}/partner-keys/{keyId}/rotate",
                        Rule.providerStaff().with("keyId", partnerKey))
                .rule(
                        "POST /api/v1/providers/{providerId}/partner-keys/{keyId}/revoke",
                        Rule.providerStaff().with("keyId", partnerKey))
                // signed by the provider's secret, not a token: anyone may deliver it (a retry after the first); before
                // the secret is revoked below
                .rule(
                        "POST /api/v1/providers/{providerId}/webhooks/completions",
                        Rule.anyone()
                                .body("application/cloudevents+json", completion)
                                .header("webhook-id", webhookId)
                                .header("webhook-timestamp", String.valueOf(signedAt))
                                .header(
                                        "webhook-signature",
                                        signature(
                                                webhookSecret.get("secret").stringValue(),
                                                webhookId,
                                                signedAt,
                                                completion)))
                .rule("POST /api/v1/providers/{providerId}/webhook-secrets", Rule.providerStaff())
                .rule("GET /api/v1/providers/{providerId}/webhook-secrets", Rule.providerStaff())
                .rule(
                        "POST /api/v1/providers/{providerId}/webhook-secrets/{secretId}/rotate",
                        Rule.providerStaff()
                                .with("secretId", webhookSecret.get("id").stringValue()))
                .rule(
                        "DELETE /api/v1/providers/{providerId}/webhook-secrets/{secretId}",
                        Rule.providerStaff()
                                .with("secretId", webhookSecret.get("id").stringValue()))
                // partners report for their provider's activities only (docs/partner-keys.md)
                .rule(
                        "POST /xapi/statements",
                        Rule.partner()
                                .header("X-Experience-API-Version", "2.0.0")
                                .body(statement))
                .rule(
                        "PUT /xapi/statements",
                        Rule.partner()
                                .header("X-Experience-API-Version", "2.0.0")
                                .query("statementId=" + statementId)
                                .body(statement))
                .verify();
    }

    /**
     * What a refused write must leave as it was, once the statements stored before are matched: the count of every collection a request writes, the provider's webhook
     * secrets and partner keys, and the learner's document and enrollments without their outbox fields (the relay empties {@code pendingEvents} in the background;
     * events are staged with the state they belong to, so unchanged state means nothing published).
     */
    private List<Object> stored(String learnerId, String providerId) {
        // an allowed statement is matched (or held in the unmatched inbox) after its answer: let that finish first,
        // so a refused call is not blamed for it
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> mongo.count(Query.query(Criteria.where("processed").is(false)), "statements") == 0);
        List<Object> state = new ArrayList<>();
        for (String collection : List.of(
                "learners", "enrollments", "statements", "unmatchedStatements", "partnerKeys", "webhookSecrets")) {
            state.add(collection + "=" + mongo.getCollection(collection).countDocuments());
        }
        state.add(withoutOutbox(mongo.findById(learnerId, Document.class, "learners")));
        state.add(mongo.findById(providerId, Document.class, "webhookSecrets"));
        state.add(mongo.find(Query.query(Criteria.where("providerId").is(providerId)), Document.class, "partnerKeys"));
        mongo.find(Query.query(Criteria.where("learnerId").is(learnerId)), Document.class, "enrollments").stream()
                .map(EnrollmentAuthorizationMatrixIT::withoutOutbox)
                .forEach(state::add);
        return state;
    }

    private static Document withoutOutbox(Document document) {
        if (document == null) {
            return null;
        }
        Document copy = new Document(document);
        copy.remove("pendingEvents");
        copy.remove("version");
        return copy;
    }

    /** Standard Webhooks {@code v1}: HMAC-SHA256 over {@code id.timestamp.body} with the secret's key. */
    private static String signature(String secret, String webhookId, long timestamp, String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] signed = mac.doFinal(
                    (webhookId + "." + timestamp + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "v1," + java.util.Base64.getEncoder().encodeToString(signed);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void registerAs(String learnerId, String email) {
        Api.Response registered = api.as(TestTokens.learner(learnerId)).post("/api/v1/learners", """
                {"displayName": "Ada Lovelace", "emails": ["%s"]}""".formatted(email));
        assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
    }

    private String enroll(String learnerId, String credentialId) {
        Api.Response enrolled = api.post("/api/v1/learners/" + learnerId + "/enrollments", """
                {"credentialId": "%s"}""".formatted(credentialId));
        assertThat(enrolled.status()).as(enrolled.raw().body()).isEqualTo(201);
        return enrolled.body().get("id").stringValue();
    }
}
