package org.credstack.enrollment.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.credstack.events.partner.CompletionReported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** The completion a webhook event carries: the Kafka record's fields, with the envelope's defaults. */
class CompletionEventTest {

    private static final String LEARNER =
            "\"learner\": {\"accountHomePage\": \"https://lms.example\", \"accountName\": \"jdoe\"}";
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theProviderOfTheUrlIsThePartnerAndTheEnvelopeFillsStatementIdAndCompletedAt() {
        CompletionReported report = CompletionEvent.of(
                event("{" + LEARNER + ", \"activityId\": \"https://lms.example/a\", \"success\": true}"), "p-1", json);

        assertThat(report.partnerId()).isEqualTo("p-1");
        assertThat(report.statementId()).isEqualTo("evt-1");
        assertThat(report.completedAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(report.learner().key()).isEqualTo("account:https://lms.example|jdoe");
        assertThat(report.success()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "data.partnerId   | {\"partnerId\": \"p-2\", LEARNER, \"activityId\": \"https://lms.example/a\"}",
                "data.activityId  | {LEARNER}",
                "data.activityId  | {LEARNER, \"activityId\": \"quiz-1\"}",
                "data.learner     | {\"activityId\": \"https://lms.example/a\"}",
                "data.learner.mbox | {\"learner\": {\"mbox\": \"jdoe@example.org\"}, \"activityId\": \"https://lms.example/a\"}",
                "data.scaledScore | {LEARNER, \"activityId\": \"https://lms.example/a\", \"scaledScore\": 1.5}",
                "data.completedAt | {LEARNER, \"activityId\": \"https://lms.example/a\", \"completedAt\": \"soon\"}"
            })
    void refusesDataNamingTheField(String field, String data) {
        assertThatThrownBy(() -> CompletionEvent.of(event(data.replace("LEARNER", LEARNER)), "p-1", json))
                .isInstanceOfSatisfying(
                        InvalidCompletion.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void refusesAnotherEventTypeNamingType() {
        CloudEvent other = new CloudEvent("evt-1", "/s", "com.example.someevent", null, null, json.readTree("{}"));

        assertThatThrownBy(() -> CompletionEvent.of(other, "p-1", json))
                .isInstanceOfSatisfying(
                        InvalidCloudEvent.class, e -> assertThat(e.field()).isEqualTo("type"));
    }

    private CloudEvent event(String data) {
        return new CloudEvent(
                "evt-1",
                "https://lms.example/webhooks",
                CompletionEvent.TYPE,
                null,
                Instant.parse("2026-03-01T09:00:00Z"),
                json.readTree(data));
    }
}
