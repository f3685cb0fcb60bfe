package org.credstack.enrollment.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.enrollment.Credentials.tracked;
import static org.credstack.events.Topic.ENROLLMENT_EVENTS_V1;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.credstack.enrollment.ServiceIT;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.testsupport.StoreCommands;
import org.credstack.testsupport.StoreCommands.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The store round trips of one learner's way to a completion (register, enroll, one statement), counted by the
 * commands that name the learner (its id or its address): the budget that keeps the pipeline within the throughput
 * of issue 6 (BENCHMARKS.md). Each of these commands costs a round trip and, for a write, a share of a store commit.
 */
class StoreRoundTripsIT extends ServiceIT {

    @Autowired
    StoreCommands store;

    @Test
    void registrationEnrollmentAndOneStatementReadTheLearnerThreeTimes() {
        CredentialSnapshot credential =
                published(snapshot(unique("cred"), 1, "PUBLISHED", all(), tracked(unique("intro"), "Completed", null)));
        String activity = credential.assignments().getFirst().activityId();
        String email = unique("ada") + "@example.org";
        List<Command> commands;
        String learner;
        String enrollment;
        String statementId = UUID.randomUUID().toString();
        try (StoreCommands.Recording recording = store.record()) {
            learner = learner(email);
            enrollment = api.post(
                            "/api/v1/learners/" + learner + "/enrollments",
                            "{\"credentialId\": \"" + credential.id() + "\"}")
                    .body()
                    .get("id")
                    .stringValue();
            String statement = """
                    {"id": "%s", "actor": {"mbox": "mailto:%s"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                     "object": {"id": "%s"}}""".formatted(statementId, email, activity);
            assertThat(api.post("/xapi/statements", statement, partnerXapi("2.0.0"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> broker.poll(ENROLLMENT_EVENTS_V1, learner, EnrollmentCompleted.class)
                                    .size()
                            == 1);
            commands = recording.commands();
        }
        Predicate<Command> naming = c -> c.json().contains(learner)
                || c.json().contains(email)
                || c.json().contains(enrollment)
                || c.json().contains(statementId);

        // registration inserts without reading; the enrollment reads the learner once, the matching twice (by its
        // address, then whether another learner holds its folded address); the inbox retries after registering and
        // enrolling take the keys from the events that ask for them, and the completion names the learner the
        // matching read
        assertThat(count(commands, "find", "learners", naming))
                .as("%s", commands)
                .isEqualTo(3);
        // enrolling: the active enrollment by its key; matching: the enrollments tracking the activity, one read to
        // mark the assignment done. The relay publishes the events each write stored without reading them back
        assertThat(count(commands, "find", "enrollments", naming)).isEqualTo(3);
        // after registering and after enrolling: one read of held statements by the exact and folded keys at once
        assertThat(count(commands, "find", "unmatchedStatements", naming)).isEqualTo(2);
        assertThat(count(commands, "insert", "learners", naming)).isEqualTo(1);
        // storing the statement: its id (a repeat?) and whether a stored statement voids it; matching: the learner's
        // statements about the activity, one read per kind of key, which also tells whether it was voided meanwhile
        assertThat(count(commands, "find", "statements", naming)).isEqualTo(4);
        // the statement was inserted by the request and matched at once: it was never held, so nothing to release
        assertThat(count(commands, "delete", "unmatchedStatements", naming)).isZero();
    }

    private static long count(List<Command> commands, String name, String collection, Predicate<Command> naming) {
        return commands.stream()
                .filter(c -> c.name().equals(name) && c.collection().equals(collection))
                .filter(naming)
                .count();
    }
}
