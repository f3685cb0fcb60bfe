package org.credstack.enrollment.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.enrollment.Credentials.tracked;
import static org.credstack.events.Topic.ENROLLMENT_EVENTS_V1;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.credstack.enrollment.enrollment.CompletionMetrics;
import org.credstack.enrollment.xapi.StatementReader;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.AssignmentCompleted;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.events.partner.CompletionReported;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * docs/architecture.md, journey steps 2–4: enroll, partners report by xAPI, the credential completes exactly once.
 */
class CompletionJourneyIT extends ServiceIT {

    private static final Map<String, String> XAPI = partnerXapi("2.0.0");
    private static final String VERBS = "http://adlnet.gov/expapi/verbs/";

    @Test
    void partnerStatementsCompleteTheEnrollmentExactlyOnceAtTheLastStatementsTime() {
        CredentialSnapshot credential = published(snapshot(
                unique("cred"),
                4,
                "PUBLISHED",
                all(),
                tracked(unique("intro"), "Completed", null),
                tracked(unique("exam"), "Passed", 0.8)));
        String intro = credential.assignments().get(0).activityId();
        String exam = credential.assignments().get(1).activityId();
        String account = unique("acct");
        String email = unique("grace") + "@example.org";
        String learner = learner(email);
        api.put(
                "/api/v1/learners/" + learner + "/identifiers",
                "{\"accounts\": [{\"homePage\": \"https://lms.example\", \"name\": \"" + account + "\"}]}",
                Map.of());
        Api.Response enrolled = api.post(
                "/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + credential.id() + "\"}");
        Api.Response again = api.post(
                "/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + credential.id() + "\"}");
        String enrollmentId = enrolled.body().get("id").stringValue();

        String byAccount = "{\"account\": {\"homePage\": \"https://lms.example\", \"name\": \"" + account + "\"}}";
        String byMbox = "{\"mbox\": \"mailto:" + email.replace("example.org", "EXAMPLE.org") + "\"}";
        String bySha1 = "{\"mbox_sha1sum\": \"" + sha1("mailto:" + email) + "\"}";
        UUID passed = UUID.randomUUID();
        double xapiBefore = counted(CompletionMetrics.RECEIVED, "channel", "xapi");
        double completedBefore = counted(CompletionMetrics.COMPLETED, "kind", "initial");
        List<String> statements = List.of(
                statement(UUID.randomUUID(), byAccount, "completed", intro, null, "2026-03-02T10:00:00Z"),
                statement(UUID.randomUUID(), byMbox, "failed", exam, 0.55, "2026-03-03T10:00:00Z"),
                statement(passed, bySha1, "passed", exam, 0.9, "2026-03-04T12:30:00.250+02:00"));
        statements.forEach(
                s -> assertThat(api.post("/xapi/statements", s, XAPI).status()).isEqualTo(200));

        assertThat(enrolled.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").stringValue()).isEqualTo(enrollmentId);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, EnrollmentCompleted.class))
                        .singleElement()
                        .satisfies(completed -> {
                            assertThat(completed.enrollmentId()).isEqualTo(enrollmentId);
                            assertThat(completed.credentialVersion()).isEqualTo(4);
                            assertThat(completed.occurredAt()).isEqualTo(Instant.parse("2026-03-04T10:30:00.250Z"));
                            assertThat(completed.recipientEmail()).isEqualTo(email);
                        }));
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, AssignmentCompleted.class))
                .extracting(AssignmentCompleted::reportedBy, AssignmentCompleted::statementId)
                .contains(org.assertj.core.groups.Tuple.tuple("PARTNER", passed.toString()));
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner))
                .allSatisfy(r -> assertThat(r.envelope().source()).isEqualTo("/credstack/enrollment"));
        assertThat(counted(CompletionMetrics.RECEIVED, "channel", "xapi")).isEqualTo(xapiBefore + 3);
        assertThat(counted(CompletionMetrics.COMPLETED, "kind", "initial")).isEqualTo(completedBefore + 1);

        statements.forEach(s -> api.post("/xapi/statements", s, XAPI));
        api.post("/xapi/statements", "[" + String.join(",", statements) + "]", XAPI);

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> broker.poll(ENROLLMENT_EVENTS_V1, learner, EnrollmentCompleted.class)
                                        .size()
                                == 1
                        && broker.poll(ENROLLMENT_EVENTS_V1, learner, AssignmentCompleted.class)
                                        .size()
                                == 2);
        JsonNode progress = api.get("/api/v1/learners/" + learner + "/enrollments/" + enrollmentId)
                .body();
        assertThat(progress.get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(progress.get("assignments").get(1).get("how").stringValue()).isEqualTo("PARTNER");
        assertThat(progress.get("assignments").get(1).get("when").stringValue()).isEqualTo("2026-03-04T10:30:00.250Z");
        assertThat(progress.get("assignments").get(1).get("statementId").stringValue())
                .isEqualTo(passed.toString());
        assertThat(progress.get("assignments").get(1).get("source").stringValue())
                .as("an xAPI statement carried it")
                .isEqualTo("XAPI");
    }

    @Autowired
    StatementLog log;

    @Autowired
    StatementMatching matching;

    @Test
    void aStatementVoidedInItsOwnBatchCompletesNothingXapiData232() {
        CredentialSnapshot credential =
                published(snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("quiz"), "Completed", null)));
        String email = unique("ivy") + "@example.org";
        String learner = learner(email);
        String enrollmentId = api.post(
                        "/api/v1/learners/" + learner + "/enrollments",
                        "{\"credentialId\": \"" + credential.id() + "\"}")
                .body()
                .get("id")
                .stringValue();
        UUID completed = UUID.randomUUID();
        String actor = "{\"mbox\": \"mailto:" + email + "\"}";
        String voiding = """
                {"id": "%s", "actor": %s, "verb": {"id": "%svoided"},
                 "object": {"objectType": "StatementRef", "id": "%s"}}""".formatted(UUID.randomUUID(), actor, VERBS, completed);
        String statement = statement(
                completed,
                actor,
                "completed",
                credential.assignments().getFirst().activityId(),
                null,
                null);

        assertThat(api.post("/xapi/statements", "[" + statement + "," + voiding + "]", XAPI)
                        .status())
                .isEqualTo(200);

        // the statement is read before its voiding is applied; matching must find out that it no longer counts
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(completed.toString(), StoredStatement.class)
                        .processed());
        assertThat(mongo.findById(completed.toString(), StoredStatement.class).voided())
                .isTrue();
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, AssignmentCompleted.class))
                .isEmpty();
        assertThat(api.get("/api/v1/learners/" + learner + "/enrollments/" + enrollmentId)
                        .body()
                        .get("status")
                        .stringValue())
                .isEqualTo("IN_PROGRESS");
        assertThat(reasonHeld(completed)).as("a voided statement is not held").isNull();
    }

    @Test
    void aStatementStoredButNotMatchedBeforeACrashIsMatchedByTheSweep() {
        CredentialSnapshot credential =
                published(snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("quiz"), "Completed", null)));
        String email = unique("ida") + "@example.org";
        String learner = learner(email);
        api.post("/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + credential.id() + "\"}");
        String stored = statement(
                UUID.randomUUID(),
                "{\"mbox\": \"mailto:" + email + "\"}",
                "completed",
                credential.assignments().getFirst().activityId(),
                null,
                "2026-03-05T08:00:00Z");
        // what a request leaves when the service dies after storing and before matching
        log.record(new StatementReader().read(stored), i -> "/id", null);

        int matched = matching.matchStoredBefore(Instant.parse("3000-01-01T00:00:00Z"));

        assertThat(matched).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, EnrollmentCompleted.class))
                        .singleElement()
                        .extracting(EnrollmentCompleted::occurredAt)
                        .isEqualTo(Instant.parse("2026-03-05T08:00:00Z")));
        assertThat(matching.matchStoredBefore(Instant.parse("3000-01-01T00:00:00Z")))
                .as("nothing left unmatched")
                .isZero();
    }

    @Test
    void unmatchedStatementsWaitInTheInboxUntilTheLearnerAndTheEnrollmentExist() {
        CredentialSnapshot credential =
                published(snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("lab"), "Completed", null)));
        String activity = credential.assignments().getFirst().activityId();
        String email = unique("hedy") + "@example.org";
        UUID early = UUID.randomUUID();
        api.post(
                "/xapi/statements",
                statement(early, "{\"mbox\": \"mailto:" + email + "\"}", "completed", activity, null, null),
                XAPI);

        await().atMost(Duration.ofSeconds(10)).until(() -> "NO_LEARNER".equals(reasonHeld(early)));
        String learner = learner(email);
        assertThat(reasonHeld(early)).isEqualTo("NO_ASSIGNMENT");
        api.post("/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + credential.id() + "\"}");

        assertThat(reasonHeld(early)).isNull();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, EnrollmentCompleted.class))
                        .hasSize(1));
    }

    @Test
    void aPartnerRecordOnPartnerCompletionsCompletesTheAssignmentOnce() {
        CredentialSnapshot credential = published(
                snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("quiz"), "CompletedOrPassed", 0.5)));
        String learner = learner(unique("ida") + "@example.org");
        api.put(
                "/api/v1/learners/" + learner + "/identifiers",
                "{\"accounts\": [{\"homePage\": \"https://partner.example\", \"name\": \"" + learner + "\"}]}",
                Map.of());
        api.post("/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + credential.id() + "\"}");
        CompletionReported report = new CompletionReported(
                "partner-7",
                new CompletionReported.LearnerReference("https://partner.example", learner, null, null),
                credential.assignments().getFirst().activityId(),
                "record-" + learner,
                null,
                true,
                0.75,
                VERBS + "passed",
                Instant.parse("2026-03-06T08:00:00Z"));
        double topicBefore = counted(CompletionMetrics.RECEIVED, "channel", "partner-topic");

        broker.publish(report, Instant.parse("2026-03-06T08:00:05Z"));
        broker.publish(report, Instant.parse("2026-03-06T08:00:06Z"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, EnrollmentCompleted.class))
                        .singleElement()
                        .extracting(EnrollmentCompleted::occurredAt)
                        .isEqualTo(Instant.parse("2026-03-06T08:00:00Z")));
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, AssignmentCompleted.class))
                .singleElement()
                .extracting(AssignmentCompleted::statementId)
                .isEqualTo("record-" + learner);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(counted(CompletionMetrics.RECEIVED, "channel", "partner-topic"))
                        .as("both deliveries received, one counted as a completion")
                        .isEqualTo(topicBefore + 2));
    }

    /** Why the inbox holds a statement, or {@code null} when it does not. */
    private String reasonHeld(UUID statementId) {
        for (JsonNode entry : api.get("/api/v1/inbox/unmatched").body()) {
            if (entry.get("statementId").stringValue().equals(statementId.toString())) {
                return entry.get("reason").stringValue();
            }
        }
        return null;
    }

    private static String statement(
            UUID id, String actor, String verb, String activity, Double scaled, String timestamp) {
        String result = scaled == null
                ? ""
                : ", \"result\": {\"score\": {\"scaled\": " + scaled + "}, \"success\": " + (scaled >= 0.8) + "}";
        return """
                {"id": "%s", "actor": %s, "verb": {"id": "%s%s"}, "object": {"id": "%s"}%s%s}""".formatted(
                        id,
                        actor,
                        VERBS,
                        verb,
                        activity,
                        result,
                        timestamp == null ? "" : ", \"timestamp\": \"" + timestamp + "\"");
    }

    private static String sha1(String text) throws IllegalStateException {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-1")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
