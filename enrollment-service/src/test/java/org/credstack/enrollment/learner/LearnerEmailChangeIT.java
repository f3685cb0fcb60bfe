package org.credstack.enrollment.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.events.Topic.ENROLLMENT_EVENTS_V1;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.credstack.events.enrollment.LearnerEmailChanged;
import org.junit.jupiter.api.Test;

/** {@code PUT /api/v1/learners/{id}/email}: the new primary address, published once as {@code LearnerEmailChanged}. */
class LearnerEmailChangeIT extends ServiceIT {

    @Test
    void makesTheNewAddressPrimaryKeepsTheOldOneAndPublishesTheChangeOnce() {
        String old = unique("ada") + "@example.org";
        String id = learner(old);
        String current = unique("ada.lovelace") + "@example.org";

        Api.Response changed =
                api.put("/api/v1/learners/" + id + "/email", "{\"email\": \"" + current + "\"}", Map.of());
        Api.Response again = api.put("/api/v1/learners/" + id + "/email", "{\"email\": \"" + current + "\"}", Map.of());

        assertThat(changed.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/learners/" + id)
                        .body()
                        .get("emails")
                        .valueStream()
                        .map(e -> e.stringValue())
                        .toList())
                .containsExactly(current, old);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !broker.poll(ENROLLMENT_EVENTS_V1, id, LearnerEmailChanged.class)
                        .isEmpty());
        List<LearnerEmailChanged> events = broker.poll(ENROLLMENT_EVENTS_V1, id, LearnerEmailChanged.class);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().email()).isEqualTo(current);
        assertThat(events.getFirst().previousEmail()).isEqualTo(old);
        assertThat(events.getFirst().learnerId()).isEqualTo(id);
        assertThat(events.getFirst().occurredAt()).isNotNull();
    }

    @Test
    void refusesAMalformedAddressWithAProblemNamingEmailAndChangesNothing() {
        String old = unique("ada") + "@example.org";
        String id = learner(old);

        for (String body : List.of("{\"email\": \"mailto:x@example.org\"}", "{\"email\": \"no-at-sign\"}", "{}")) {
            Api.Response response = api.put("/api/v1/learners/" + id + "/email", body, Map.of());

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:invalid-identifier");
            assertThat(response.body().at("/errors/0/field").stringValue()).isEqualTo("email");
        }
        assertThat(api.get("/api/v1/learners/" + id).body().get("emails").size())
                .isEqualTo(1);
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, id, LearnerEmailChanged.class))
                .isEmpty();
    }

    @Test
    void refusesAnAddressAnotherLearnerHoldsWithAConflictProblem() {
        String taken = unique("taken") + "@example.org";
        learner(taken);
        String id = learner(unique("ada") + "@example.org");

        Api.Response response = api.put(
                "/api/v1/learners/" + id + "/email",
                "{\"email\": \"" + taken.replace("@example.org", "@EXAMPLE.org") + "\"}",
                Map.of());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().at("/errors/0/field").stringValue()).isEqualTo("email");
        assertThat(api.get("/api/v1/learners/" + id).body().get("emails").size())
                .isEqualTo(1);
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, id, LearnerEmailChanged.class))
                .isEmpty();
    }

    @Test
    void answersNotFoundForAnUnknownLearner() {
        Api.Response response =
                api.put("/api/v1/learners/nobody/email", "{\"email\": \"" + unique("x") + "@example.org\"}", Map.of());

        assertThat(response.status()).isEqualTo(404);
    }
}
