package org.credstack.enrollment.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.enrollment.Credentials.tracked;
import static org.credstack.events.Topic.ENROLLMENT_EVENTS_V1;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An {@code mbox} actor whose address differs only in case from a learner's (docs/lifecycle/ingestion.md, "Case of
 * e-mail addresses"): the exact address wins, one learner by case-folding is matched, several wait as ambiguous.
 */
class EmailCaseMatchingIT extends ServiceIT {

    private static final Map<String, String> XAPI = partnerXapi("2.0.0");

    @Test
    void aStatementInAnotherCaseCompletesTheAssignmentOfTheOneLearnerWithThatAddress() {
        String local = unique("jane.doe");
        String learner = learner(local + "@example.org");
        CredentialSnapshot credential = enrolled(learner, "CompletedAndPassed");
        String activity = credential.assignments().getFirst().activityId();

        // the completion and the pass come in two other cases; moveOn needs both, so both must be the learner's
        post(UUID.randomUUID(), "mailto:" + upperFirst(local) + "@Example.ORG", "completed", activity, "10:00");
        post(UUID.randomUUID(), "mailto:" + local.toUpperCase() + "@EXAMPLE.org", "passed", activity, "11:00");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, EnrollmentCompleted.class))
                        .singleElement()
                        .extracting(EnrollmentCompleted::occurredAt)
                        .isEqualTo(Instant.parse("2026-03-02T11:00:00Z")));
    }

    @Test
    void theExactAddressWinsOverAnotherLearnerWhoseAddressDiffersOnlyInCase() {
        String local = unique("jane.doe");
        String lower = learner(local + "@example.org");
        String capitalised = learner(upperFirst(local) + "@example.org");
        String activity = enrolled(lower, "Completed").assignments().getFirst().activityId();
        api.post(
                "/api/v1/learners/" + capitalised + "/enrollments",
                "{\"credentialId\": \"" + credentialOf(lower) + "\"}");

        post(UUID.randomUUID(), "mailto:" + upperFirst(local) + "@Example.org", "completed", activity, "10:00");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, capitalised, EnrollmentCompleted.class))
                                .hasSize(1));
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, lower, EnrollmentCompleted.class))
                .isEmpty();
    }

    @Test
    void anAddressMatchingSeveralLearnersOnlyWhenCaseIsIgnoredWaitsAsAmbiguousUntilOneHoldsItExactly() {
        String local = unique("jane.doe");
        String lower = learner(local + "@example.org");
        String capitalised = learner(upperFirst(local) + "@example.org");
        String activity = enrolled(lower, "Completed").assignments().getFirst().activityId();
        api.post(
                "/api/v1/learners/" + capitalised + "/enrollments",
                "{\"credentialId\": \"" + credentialOf(lower) + "\"}");
        UUID shouted = UUID.randomUUID();
        String address = local.toUpperCase() + "@example.org";

        post(shouted, "mailto:" + address, "completed", activity, "10:00");

        await().atMost(Duration.ofSeconds(10)).until(() -> "AMBIGUOUS_LEARNER".equals(reasonHeld(shouted)));
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, lower, EnrollmentCompleted.class))
                .isEmpty();
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, capitalised, EnrollmentCompleted.class))
                .isEmpty();

        // the learner who registers the address as written is then the one it names
        api.put("/api/v1/learners/" + lower + "/identifiers", "{\"emails\": [\"" + address + "\"]}", Map.of());

        assertThat(reasonHeld(shouted)).isNull();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, lower, EnrollmentCompleted.class))
                        .hasSize(1));
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, capitalised, EnrollmentCompleted.class))
                .isEmpty();
    }

    @Test
    void aStatementWaitingForNobodyIsMatchedWhenTheLearnerRegistersTheAddressInAnotherCase() {
        String local = unique("jane.doe");
        UUID early = UUID.randomUUID();
        CredentialSnapshot credential =
                published(snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("lab"), "Completed", null)));
        post(
                early,
                "mailto:" + upperFirst(local) + "@Example.ORG",
                "completed",
                credential.assignments().getFirst().activityId(),
                "10:00");
        await().atMost(Duration.ofSeconds(10)).until(() -> "NO_LEARNER".equals(reasonHeld(early)));

        String learner = learner(local + "@example.org");

        assertThat(reasonHeld(early)).isEqualTo("NO_ASSIGNMENT");
        api.post("/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + credential.id() + "\"}");
        assertThat(reasonHeld(early)).isNull();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, EnrollmentCompleted.class))
                        .hasSize(1));
    }

    private final Map<String, String> credentials = new java.util.HashMap<>();

    /** Publishes a one-assignment credential and enrolls the learner in it. */
    private CredentialSnapshot enrolled(String learner, String moveOn) {
        CredentialSnapshot credential =
                published(snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("module"), moveOn, null)));
        Api.Response enrolled = api.post(
                "/api/v1/learners/" + learner + "/enrollments", "{\"credentialId\": \"" + credential.id() + "\"}");
        assertThat(enrolled.status()).isEqualTo(201);
        credentials.put(learner, credential.id());
        return credential;
    }

    private String credentialOf(String learner) {
        return credentials.get(learner);
    }

    private void post(UUID id, String mbox, String verb, String activity, String time) {
        String result = verb.equals("passed") ? ", \"result\": {\"success\": true}" : "";
        Api.Response response =
                api.post("/xapi/statements", """
                {"id": "%s", "actor": {"mbox": "%s"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/%s"},
                 "object": {"id": "%s"}, "timestamp": "2026-03-02T%s:00Z"%s}""".formatted(id, mbox, verb, activity, time, result), XAPI);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    }

    /** Why the inbox holds a statement, or {@code null} when it does not. */
    private String reasonHeld(UUID statementId) {
        for (JsonNode entry : api.get("/api/v1/inbox/unmatched?limit=1000").body()) {
            if (entry.get("statementId").stringValue().equals(statementId.toString())) {
                return entry.get("reason").stringValue();
            }
        }
        return null;
    }

    private static String upperFirst(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
