package org.credstack.enrollment.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.byProvider;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.enrollment.Credentials.tracked;
import static org.credstack.events.Topic.ENROLLMENT_EVENTS_V1;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.credstack.enrollment.enrollment.CompletionMetrics;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.AssignmentCompleted;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.runtime.crypto.SealedValueException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * Signed completion webhooks end to end: a provider's secret, a CloudEvent in either content mode signed per Standard
 * Webhooks, and the enrollment completing exactly as through {@code partner.completions.v1}; and every refusal
 * answered with a problem and leaving nothing stored.
 */
class WebhookCompletionsIT extends ServiceIT {

    private static final String TYPE = "org.credstack.partner.CompletionReported.v1";
    private static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";

    @Autowired
    Clock clock;

    @Test
    void aStructuredModeEventCompletesTheEnrollmentAtItsCompletedAt() {
        Setup s = enrolledLearner();
        String statementId = UUID.randomUUID().toString();
        String body = structured(UUID.randomUUID().toString(), data(s, statementId, "2026-03-06T08:00:00Z"));

        Api.Response accepted = deliver(s.provider, s.secret, "msg_" + UUID.randomUUID(), body, structuredHeaders());

        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        assertThat(accepted.body().get("statementId").stringValue()).isEqualTo(statementId);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, s.learner, EnrollmentCompleted.class))
                        .singleElement()
                        .extracting(EnrollmentCompleted::occurredAt)
                        .isEqualTo(Instant.parse("2026-03-06T08:00:00Z")));
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, s.learner, AssignmentCompleted.class))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.statementId()).isEqualTo(statementId);
                    assertThat(a.reportedBy()).isEqualTo("PARTNER");
                });
        JsonNode assignment = api.get("/api/v1/learners/" + s.learner + "/enrollments")
                .body()
                .get(0)
                .get("assignments")
                .get(0);
        assertThat(assignment.get("source").stringValue())
                .as("a completion record carried it, not an xAPI statement")
                .isEqualTo("PARTNER");
        assertThat(assignment.get("statementId").stringValue()).isEqualTo(statementId);
    }

    @Test
    void aBinaryModeEventCompletesTheEnrollment() {
        Setup s = enrolledLearner();
        String statementId = UUID.randomUUID().toString();
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", UUID.randomUUID().toString());
        headers.put("ce-source", "https://lms.example/webhooks");
        headers.put("ce-type", TYPE);
        headers.put("ce-time", "2026-03-07T08:00:00Z");

        Api.Response accepted =
                deliver(s.provider, s.secret, "msg_" + UUID.randomUUID(), data(s, statementId, null), headers);

        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, s.learner, EnrollmentCompleted.class))
                        .singleElement()
                        .extracting(EnrollmentCompleted::occurredAt)
                        .as("completedAt left out: the event's time")
                        .isEqualTo(Instant.parse("2026-03-07T08:00:00Z")));
    }

    @Test
    void aRetriedDeliveryIsANoOpAndAReusedIdWithAnotherBodyIsRefused() {
        Setup s = enrolledLearner();
        String statementId = UUID.randomUUID().toString();
        String webhookId = "msg_" + UUID.randomUUID();
        String body = structured(UUID.randomUUID().toString(), data(s, statementId, "2026-03-06T08:00:00Z"));
        double webhooks = counted(CompletionMetrics.RECEIVED, "channel", "webhook");
        assertThat(deliver(s.provider, s.secret, webhookId, body, structuredHeaders())
                        .status())
                .isEqualTo(202);

        Api.Response retried = deliver(s.provider, s.secret, webhookId, body, structuredHeaders());
        String otherStatement = UUID.randomUUID().toString();
        Api.Response reused = deliver(
                s.provider,
                s.secret,
                webhookId,
                structured(UUID.randomUUID().toString(), data(s, otherStatement, "2026-03-06T09:00:00Z")),
                structuredHeaders());

        assertThat(remembered(s.provider)).isEqualTo(1);
        assertThat(counted(CompletionMetrics.RECEIVED, "channel", "webhook"))
                .as("the retry and the refused reuse are not received again")
                .isEqualTo(webhooks + 1);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("retry").booleanValue()).isTrue();
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:webhook-id-reused");
        assertThat(statementStored(otherStatement)).isFalse();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> broker.poll(ENROLLMENT_EVENTS_V1, s.learner, AssignmentCompleted.class)
                                        .size()
                                == 1
                        && broker.poll(ENROLLMENT_EVENTS_V1, s.learner, EnrollmentCompleted.class)
                                        .size()
                                == 1);
    }

    @Test
    void twinDeliveriesAtOnceAndTheSameCompletionUnderANewIdCompleteOnce() {
        Setup s = enrolledLearner();
        String statementId = UUID.randomUUID().toString();
        String webhookId = "msg_" + UUID.randomUUID();
        String body = structured(UUID.randomUUID().toString(), data(s, statementId, "2026-03-06T08:00:00Z"));

        List<CompletableFuture<Api.Response>> twins = List.of(
                CompletableFuture.supplyAsync(
                        () -> deliver(s.provider, s.secret, webhookId, body, structuredHeaders())),
                CompletableFuture.supplyAsync(
                        () -> deliver(s.provider, s.secret, webhookId, body, structuredHeaders())));
        Api.Response underNewId = deliver(s.provider, s.secret, "msg_" + UUID.randomUUID(), body, structuredHeaders());

        assertThat(twins).allSatisfy(t -> assertThat(t.join().status()).isIn(200, 202));
        assertThat(underNewId.status()).isEqualTo(202);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> broker.poll(ENROLLMENT_EVENTS_V1, s.learner, AssignmentCompleted.class)
                                        .size()
                                == 1
                        && broker.poll(ENROLLMENT_EVENTS_V1, s.learner, EnrollmentCompleted.class)
                                        .size()
                                == 1);
    }

    @Test
    void aBadOrMissingSignatureIsRefusedWith401AndNothingStored() {
        Setup s = enrolledLearner();
        String statementId = UUID.randomUUID().toString();
        String body = structured(UUID.randomUUID().toString(), data(s, statementId, "2026-03-06T08:00:00Z"));
        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        Map<String, String> unsigned = new HashMap<>(structuredHeaders());
        unsigned.put("webhook-id", "msg_" + UUID.randomUUID());
        unsigned.put("webhook-timestamp", String.valueOf(clock.instant().getEpochSecond()));

        Api.Response wrongKey = deliver(s.provider, otherSecret, "msg_" + UUID.randomUUID(), body, structuredHeaders());
        Api.Response missing = api.anonymous().post(path(s.provider), body, unsigned);
        Api.Response tampered = deliverSignedOver(
                s.provider,
                s.secret,
                body,
                body.replace(statementId, UUID.randomUUID().toString()));

        for (Api.Response refused : new Api.Response[] {wrongKey, missing, tampered}) {
            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("type").stringValue())
                    .isEqualTo("urn:credstack:problem:webhook-signature-invalid");
        }
        assertThat(missing.body().get("errors").get(0).get("field").stringValue())
                .isEqualTo("webhook-signature");
        assertThat(statementStored(statementId)).isFalse();
        assertThat(remembered(s.provider)).isZero();
    }

    @Test
    void aTimestampOutsideTheToleranceIsRefusedNamingIt() {
        Setup s = enrolledLearner();
        String statementId = UUID.randomUUID().toString();
        String body = structured(UUID.randomUUID().toString(), data(s, statementId, "2026-03-06T08:00:00Z"));
        long old = clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond();
        long ahead = clock.instant().plus(Duration.ofMinutes(6)).getEpochSecond();

        for (long timestamp : new long[] {old, ahead}) {
            Api.Response refused =
                    deliverAt(s.provider, s.secret, "msg_" + UUID.randomUUID(), timestamp, body, structuredHeaders());

            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(401);
            assertThat(refused.body().get("type").stringValue())
                    .isEqualTo("urn:credstack:problem:webhook-timestamp-outside-tolerance");
            assertThat(refused.body().get("detail").stringValue()).contains("tolerance of 300 seconds");
        }
        assertThat(statementStored(statementId)).isFalse();
        assertThat(remembered(s.provider)).isZero();
    }

    @Test
    void anActivityOfAnotherProvidersCredentialIsForbiddenAndNothingStored() {
        Setup s = enrolledLearner();
        CredentialSnapshot theirs = published(byProvider(
                snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("theirs"), "Passed", 0.5)),
                unique("provider")));
        String theirActivity = theirs.assignments().getFirst().activityId();
        String statementId = UUID.randomUUID().toString();
        String body = structured(
                UUID.randomUUID().toString(),
                data(s, statementId, "2026-03-06T08:00:00Z").replace(s.activity, theirActivity));
        String unknown = UUID.randomUUID().toString();
        String unknownBody = structured(
                UUID.randomUUID().toString(),
                data(s, unknown, "2026-03-06T08:00:00Z").replace(s.activity, "https://lms.example/nobodys"));

        Api.Response forbidden = deliver(s.provider, s.secret, "msg_" + UUID.randomUUID(), body, structuredHeaders());
        Api.Response nobodys =
                deliver(s.provider, s.secret, "msg_" + UUID.randomUUID(), unknownBody, structuredHeaders());

        for (Api.Response refused : new Api.Response[] {forbidden, nobodys}) {
            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(403);
            assertThat(refused.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:activity-not-owned");
            assertThat(refused.body().get("errors").get(0).get("field").stringValue())
                    .isEqualTo("data.activityId");
        }
        assertThat(statementStored(statementId)).isFalse();
        assertThat(statementStored(unknown)).isFalse();
        assertThat(remembered(s.provider)).isZero();
    }

    @Test
    void anInvalidCloudEventIsA400NamingTheAttributeAndNothingStored() {
        Setup s = enrolledLearner();
        String statementId = UUID.randomUUID().toString();
        String body = structured(UUID.randomUUID().toString(), data(s, statementId, "2026-03-06T08:00:00Z"))
                .replace("\"specversion\": \"1.0\"", "\"specversion\": \"0.3\"");

        Api.Response refused = deliver(s.provider, s.secret, "msg_" + UUID.randomUUID(), body, structuredHeaders());

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
        assertThat(refused.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:invalid-cloud-event");
        assertThat(refused.body().get("errors").get(0).get("field").stringValue())
                .isEqualTo("specversion");
        assertThat(statementStored(statementId)).isFalse();
    }

    @Test
    void aCompletionOfAnUnknownLearnerWaitsInTheUnmatchedInbox() {
        Setup s = enrolledLearner();
        String statementId = UUID.randomUUID().toString();
        String body = structured(
                UUID.randomUUID().toString(),
                data(s, statementId, "2026-03-06T08:00:00Z").replace(s.learner, unique("stranger")));

        Api.Response accepted = deliver(s.provider, s.secret, "msg_" + UUID.randomUUID(), body, structuredHeaders());

        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        assertThat(reasonHeld(statementId)).isEqualTo("NO_LEARNER");
    }

    @Test
    void aSecretIsShownOnceListedWithoutItStoredSealedAndRotatedOrRevoked() {
        String provider = unique("provider");
        Api.Response created = api.post(secretsPath(provider), "");
        String first = created.body().get("secret").stringValue();
        String firstId = created.body().get("id").stringValue();
        byte[] key = Base64.getDecoder().decode(first.substring("whsec_".length()));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        assertThat(first).startsWith("whsec_");
        assertThat(key).hasSize(32);
        Api.Response listed = api.get(secretsPath(provider));
        assertThat(listed.body()).singleElement().satisfies(s -> {
            assertThat(s.get("id").stringValue()).isEqualTo(firstId);
            assertThat(s.has("createdAt")).isTrue();
            assertThat(s.has("secret")).isFalse();
        });
        assertThat(listed.raw().body()).doesNotContain(first.substring(6));
        Document stored = mongo.findById(provider, Document.class, ProviderWebhookSecrets.COLLECTION);
        String raw = stored.toJson();
        assertThat(raw).contains(firstId);
        assertThat(raw)
                .doesNotContain(first)
                .doesNotContain(first.substring(6))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(key))
                .doesNotContain(java.util.HexFormat.of().formatHex(key));
        String sealed = stored.getList("secrets", Document.class).getFirst().getString("sealed");
        assertThat(sealed).startsWith("v1.");
        assertThat(sealing.open(sealed, WebhookSecrets.context(provider, firstId)))
                .isEqualTo(key);
        assertThatThrownBy(() -> sealing.open(sealed, WebhookSecrets.context(unique("provider"), firstId)))
                .as("sealed for its provider and id only")
                .isInstanceOf(SealedValueException.class);

        Api.Response rotated = api.post(secretsPath(provider) + "/" + firstId + "/rotate", "");
        String second = rotated.body().get("secret").stringValue();
        assertThat(rotated.status()).isEqualTo(201);
        assertThat(api.post(secretsPath(provider), "").status())
                .as("two valid at once at most")
                .isEqualTo(409);
        assertThat(signatureAccepted(provider, first))
                .as("the old secret during the overlap")
                .isTrue();
        assertThat(signatureAccepted(provider, second)).isTrue();

        assertThat(api.delete(secretsPath(provider) + "/" + firstId).status()).isEqualTo(204);
        assertThat(signatureAccepted(provider, first)).as("revoked").isFalse();
        assertThat(signatureAccepted(provider, second)).isTrue();
        assertThat(api.delete(secretsPath(provider) + "/" + firstId).status()).isEqualTo(404);
    }

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    SecretSealing sealing;

    @Test
    void theSweepForgetsIdsWhoseTimestampIsPastTheTolerance() {
        String provider = unique("provider");
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        deliveries.remember(provider, "msg_old", "digest", "s-1", now.minus(Duration.ofMinutes(6)));
        deliveries.remember(provider, "msg_recent", "digest", "s-2", now.minus(Duration.ofMinutes(4)));

        deliveries.sweep();

        assertThat(deliveries.find(provider, "msg_old")).isEmpty();
        assertThat(deliveries.find(provider, "msg_recent")).hasValueSatisfying(d -> {
            assertThat(d.statementId()).isEqualTo("s-2");
            assertThat(d.expiresAt()).isEqualTo(now.minus(Duration.ofMinutes(4)).plus(Duration.ofMinutes(5)));
        });
    }

    /** Whether a delivery signed with the secret passes the signature check (it then fails later, on its data). */
    private boolean signatureAccepted(String provider, String secret) {
        Api.Response response = deliver(provider, secret, "msg_" + UUID.randomUUID(), "{}", structuredHeaders());
        return response.status() != 401;
    }

    private record Setup(String provider, String secret, String learner, String activity) {}

    /** A provider with a secret, its credential, and a learner known by an account on its LMS, enrolled. */
    private Setup enrolledLearner() {
        String provider = unique("provider");
        CredentialSnapshot credential = published(byProvider(
                snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("quiz"), "CompletedOrPassed", 0.5)),
                provider));
        String learner = learner(unique("ada") + "@example.org");
        api.put(
                "/api/v1/learners/" + learner + "/identifiers",
                "{\"accounts\": [{\"homePage\": \"https://partner.example\", \"name\": \"" + learner + "\"}]}",
                Map.of());
        api.post("/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + credential.id() + "\"}");
        String secret = api.post(secretsPath(provider), "").body().get("secret").stringValue();
        return new Setup(
                provider, secret, learner, credential.assignments().getFirst().activityId());
    }

    private static String data(Setup s, String statementId, String completedAt) {
        return """
                {"learner": {"accountHomePage": "https://partner.example", "accountName": "%s"},
                 "activityId": "%s", "statementId": "%s", "success": true, "scaledScore": 0.75,
                 "verb": "%s"%s}""".formatted(
                        s.learner,
                        s.activity,
                        statementId,
                        PASSED,
                        completedAt == null ? "" : ", \"completedAt\": \"" + completedAt + "\"");
    }

    private static String structured(String eventId, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "https://lms.example/webhooks", "type": "%s",
                 "datacontenttype": "application/json", "data": %s}""".formatted(eventId, TYPE, data);
    }

    private static Map<String, String> structuredHeaders() {
        return Map.of("Content-Type", "application/cloudevents+json; charset=UTF-8");
    }

    private Api.Response deliver(
            String provider, String secret, String webhookId, String body, Map<String, String> headers) {
        return deliverAt(provider, secret, webhookId, clock.instant().getEpochSecond(), body, headers);
    }

    private Api.Response deliverAt(
            String provider,
            String secret,
            String webhookId,
            long timestamp,
            String body,
            Map<String, String> headers) {
        Map<String, String> signed = new HashMap<>(headers);
        signed.put("webhook-id", webhookId);
        signed.put("webhook-timestamp", String.valueOf(timestamp));
        signed.put("webhook-signature", signature(secret, webhookId, timestamp, body));
        return api.anonymous().post(path(provider), body, signed);
    }

    /** Signs {@code signedBody} and sends {@code sentBody}. */
    private Api.Response deliverSignedOver(String provider, String secret, String signedBody, String sentBody) {
        String webhookId = "msg_" + UUID.randomUUID();
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new HashMap<>(structuredHeaders());
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", String.valueOf(timestamp));
        headers.put("webhook-signature", signature(secret, webhookId, timestamp, signedBody));
        return api.anonymous().post(path(provider), sentBody, headers);
    }

    private static String signature(String secret, String webhookId, long timestamp, String body) {
        byte[] mac = SigningKey.parse(secret)
                .sign(webhookId, String.valueOf(timestamp), body.getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac);
    }

    private boolean statementStored(String statementId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(statementId)), "statements")
                || mongo.exists(Query.query(Criteria.where("_id").is(statementId)), "unmatchedStatements");
    }

    private long remembered(String provider) {
        return mongo.count(Query.query(Criteria.where("_id.providerId").is(provider)), WebhookDeliveries.COLLECTION);
    }

    private String reasonHeld(String statementId) {
        for (JsonNode entry : api.get("/api/v1/inbox/unmatched").body()) {
            if (entry.get("statementId").stringValue().equals(statementId)) {
                return entry.get("reason").stringValue();
            }
        }
        return null;
    }

    private static String path(String provider) {
        return "/api/v1/providers/" + provider + "/webhooks/completions";
    }

    private static String secretsPath(String provider) {
        return "/api/v1/providers/" + provider + "/webhook-secrets";
    }
}
