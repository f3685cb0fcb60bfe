package org.credstack.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.catalog.CredentialPublished;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.ComponentRule;
import org.credstack.events.catalog.CredentialSnapshot.RenewalPolicy;
import org.credstack.events.partner.CompletionReported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every v1 event survives JSON as services write and read it, including JSON from newer v1 producers. */
class EventJsonRoundTripTest {

    /** As Spring Boot 4 builds it by default: Jackson 3 defaults plus the modules found on the class path. */
    private static final JsonMapper JSON =
            JsonMapper.builder().findAndAddModules().build();

    /** A consumer that opted into {@code spring.jackson.deserialization.fail-on-unknown-properties=true}. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static Stream<Class<?>> eventRecords() {
        return EventTypes.eventRecords();
    }

    @ParameterizedTest
    @MethodSource("eventRecords")
    void readsBackEveryEventAsWritten(Class<?> eventRecord) {
        Object event = EventSamples.fullyPopulated(eventRecord);
        assertThat(EventSamples.unpopulatedComponents(event))
                .as("the sample sets every component")
                .isEmpty();

        Object read = JSON.readValue(JSON.writeValueAsBytes(event), eventRecord);

        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("eventRecords")
    void writesInstantsAsIso8601UtcStrings(Class<?> eventRecord) {
        Object event = EventSamples.fullyPopulated(eventRecord);
        JsonNode tree = JSON.valueToTree(event);

        for (RecordComponent component : eventRecord.getRecordComponents()) {
            if (component.getType() == Instant.class) {
                JsonNode value = tree.get(component.getName());
                assertThat(value.isString()).as(component.getName()).isTrue();
                assertThat(value.asString())
                        .endsWith("Z")
                        .isEqualTo(accessor(component, event).toString());
            }
        }
        assertThat(JSON.isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
    }

    @Test
    void writesMillisecondInstantExactly() {
        JsonNode tree = JSON.valueToTree(EventSamples.fullyPopulated(BadgeIssued.class));

        assertThat(tree.get("occurredAt").asString()).isEqualTo("2026-03-01T09:30:15.250Z");
        assertThat(tree.get("validUntil").asString()).isEqualTo("2028-02-29T23:59:59Z");
    }

    @ParameterizedTest
    @MethodSource("eventRecords")
    void readsEventWrittenByNewerProducerWithExtraField(Class<?> eventRecord) {
        Object event = EventSamples.fullyPopulated(eventRecord);
        JsonNode tree = JSON.valueToTree(event);
        addFieldToEveryObject(tree);
        byte[] newer = JSON.writeValueAsBytes(tree);

        assertThat(JSON.readValue(newer, eventRecord)).isEqualTo(event);
        assertThat(STRICT.readValue(newer, eventRecord)).isEqualTo(event);
    }

    @Test
    void everyEventRecordAndNestedRecordIgnoresUnknownProperties() {
        assertThat(EventTypes.allRecordTypes())
                .hasSizeGreaterThan((int) EventTypes.eventRecords().count())
                .allSatisfy(type -> {
                    JsonIgnoreProperties ignore = type.getAnnotation(JsonIgnoreProperties.class);
                    assertThat(ignore)
                            .as("%s needs @JsonIgnoreProperties(ignoreUnknown = true)", type.getName())
                            .isNotNull();
                    assertThat(ignore.ignoreUnknown()).as(type.getName()).isTrue();
                });
    }

    @Test
    void readsSnapshotWithOptionalFieldsAbsentAsNullsAndListsAsEmpty() {
        String json = """
                {"credentialId":"cred-1","occurredAt":"2026-03-01T09:30:15Z",
                 "credential":{"id":"cred-1","version":1,"status":"PUBLISHED","title":"Kafka basics",
                   "description":"Topics and partitions","kind":"MICRO_CREDENTIAL","category":"TECHNICAL",
                   "provider":{"id":"p1","name":"Acme","timeZone":"UTC"},
                   "completionRule":{"type":"ALL"},"publishedAt":"2026-03-01T09:30:15Z"}}
                """;

        CredentialSnapshot snapshot =
                JSON.readValue(json, CredentialPublished.class).credential();

        assertThat(snapshot.ctid()).isNull();
        assertThat(snapshot.level()).isNull();
        assertThat(snapshot.estimatedDuration()).isNull();
        assertThat(snapshot.cost()).isNull();
        assertThat(snapshot.validityPeriod()).isNull();
        assertThat(snapshot.renewalPolicy()).isNull();
        assertThat(snapshot.image()).isNull();
        assertThat(snapshot.stackRule()).isNull();
        assertThat(snapshot.provider().email()).isNull();
        assertThat(snapshot.completionRule().minimum()).isNull();
        assertThat(snapshot.skills()).isEmpty();
        assertThat(snapshot.alignments()).isEmpty();
        assertThat(snapshot.deliveryModes()).isEmpty();
        assertThat(snapshot.assignments()).isEmpty();
    }

    @Test
    void readsRenewalPolicyAndComponentRuleWithListsAbsentAsEmpty() {
        RenewalPolicy policy =
                JSON.readValue("{\"renewalWindow\":\"P90D\",\"description\":\"Retake the quiz\"}", RenewalPolicy.class);
        ComponentRule rule = JSON.readValue("{\"label\":\"Any one\",\"requiredNumber\":1}", ComponentRule.class);

        assertThat(policy).isEqualTo(new RenewalPolicy("P90D", "Retake the quiz", List.of(), List.of()));
        assertThat(rule).isEqualTo(new ComponentRule("Any one", 1, List.of(), List.of()));
    }

    @Test
    void readsBadgeThatNeverExpiresWithOptionalFieldsAbsent() {
        String json = """
                {"badgeId":"urn:uuid:b1","learnerId":"l1","enrollmentId":"e1","credentialId":"c1",
                 "achievementName":"Kafka basics","recipientEmail":"jo@example.org","recipientName":"Jo",
                 "publicUrl":"https://badges.example/b1","validFrom":"2026-03-01T09:30:15Z",
                 "occurredAt":"2026-03-01T09:30:15Z"}
                """;

        BadgeIssued badge = JSON.readValue(json, BadgeIssued.class);

        assertThat(badge.validUntil()).isNull();
        assertThat(badge.renewalOf()).isNull();
        assertThat(badge.reminderDaysBefore()).isEmpty();
        assertThat(badge.validFrom()).isEqualTo(Instant.parse("2026-03-01T09:30:15Z"));
    }

    @Test
    void readsCompletionReportedWithoutResult() {
        String json = """
                {"partnerId":"acme","learner":{"mbox":"mailto:jo@example.org"},
                 "activityId":"https://acme.example/a1","statementId":"s1",
                 "verb":"http://adlnet.gov/expapi/verbs/completed","completedAt":"2026-03-01T09:30:15Z"}
                """;

        CompletionReported report = JSON.readValue(json, CompletionReported.class);

        assertThat(report.completion()).isNull();
        assertThat(report.success()).isNull();
        assertThat(report.scaledScore()).isNull();
        assertThat(report.learner().accountName()).isNull();
        assertThat(report.learner().key()).isEqualTo("mailto:jo@example.org");
    }

    /** Simulates a later v1 producer: one added field in the event and in every nested object. */
    private static void addFieldToEveryObject(JsonNode node) {
        for (JsonNode child : node) {
            addFieldToEveryObject(child);
        }
        if (node instanceof ObjectNode object) {
            object.put("addedInALaterV1", "ignore me");
            object.putObject("addedObjectInALaterV1").putArray("values").add(1);
        }
    }

    private static Object accessor(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
