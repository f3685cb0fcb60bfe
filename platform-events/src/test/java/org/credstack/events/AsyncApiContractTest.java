package org.credstack.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.credstack.events.badge.BadgeRevoked;
import org.credstack.events.enrollment.LearnerEnrolled;
import org.credstack.events.notification.BadgeExpired;
import org.credstack.events.partner.CompletionReported;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code asyncapi.yaml} describes exactly the v1 topics, messages and records. */
class AsyncApiContractTest {

    private static final Path DOCUMENT = Path.of(System.getProperty("basedir", "."), "asyncapi.yaml");

    @Test
    void documentAgreesWithTopicsAndRecords() throws IOException {
        assertThat(AsyncApiContract.violations(document())).isEmpty();
    }

    /** The comparison fails on each kind of disagreement. */
    @Nested
    class DetectsDisagreement {

        @Test
        void wrongCleanupPolicy() throws IOException {
            Map<String, Object> doc = document();
            Map<String, Object> configuration =
                    section(doc, "channels", "catalogCredentials", "bindings", "kafka", "topicConfiguration");
            configuration.put("cleanup.policy", List.of("delete"));

            assertThat(AsyncApiContract.violations(doc))
                    .containsExactly("channels.catalogCredentials: cleanup.policy is [delete], expected [compact]");
        }

        @Test
        void typeConstOtherThanTopicType() throws IOException {
            Map<String, Object> doc = document();
            List<?> allOf = (List<?>) section(doc, "components", "messages", "BadgeIssued", "headers")
                    .get("allOf");
            section(allOf.get(1), "properties", "ce_type").put("const", "org.credstack.badge.BadgeIssued.v2");

            assertThat(AsyncApiContract.violations(doc))
                    .containsExactly("channels.badgeEvents.messages.BadgeIssued.headers.ce_type: const is "
                            + "org.credstack.badge.BadgeIssued.v2, expected org.credstack.badge.BadgeIssued.v1");
        }

        @Test
        void channelWithoutOneOfTheTopicsRecords() throws IOException {
            Map<String, Object> doc = document();
            section(doc, "channels", "badgeEvents", "messages").remove("BadgeRevoked");

            assertThat(AsyncApiContract.violations(doc))
                    .contains("channels.badgeEvents: messages are [BadgeIssued], expected the records "
                            + "[BadgeIssued, BadgeRevoked]")
                    .contains("#/channels/badgeEvents: send operation refers to "
                            + "#/channels/badgeEvents/messages/BadgeRevoked, not a message of the channel")
                    .contains("#/components/messages/BadgeRevoked: not referenced by any channel");
        }

        @Test
        void missingChannelAndSendOperation() throws IOException {
            Map<String, Object> doc = document();
            section(doc, "channels").remove("notificationEvents");
            section(doc, "operations").remove("publishNotificationEvents");

            assertThat(AsyncApiContract.violations(doc))
                    .contains("notification.events.v1: expected one channel with this address, found []")
                    .contains("#/components/messages/ReminderSent: not referenced by any channel")
                    .contains("#/components/schemas/ReminderSent: not referenced by any message");
        }

        @Test
        void unreferencedSchema() throws IOException {
            Map<String, Object> doc = document();
            section(doc, "components", "schemas").put("Leftover", Map.of("type", "object"));

            assertThat(AsyncApiContract.violations(doc))
                    .containsExactly("#/components/schemas/Leftover: not referenced by any message");
        }

        @Test
        void propertyNamesAndTypesOtherThanTheRecords() {
            Map<String, Object> doc = AsyncApiContract.parse("""
                    components:
                      schemas:
                        BadgeRevoked:
                          type: object
                          required: [badgeId, learnerId, revokedReason, occurredAt]
                          properties:
                            badgeId: {type: string}
                            learnerId: {type: integer}
                            revokedReason: {type: string}
                            occurredAt: {type: string}
                    """);

            assertThat(AsyncApiContract.schemaViolations(doc, BadgeRevoked.class))
                    .containsExactlyInAnyOrder(
                            "BadgeRevoked.learnerId: type is integer, expected string",
                            "BadgeRevoked.reason: record component has no property in the schema",
                            "BadgeRevoked.occurredAt: an Instant needs format date-time, was null",
                            "BadgeRevoked.revokedReason: property is not a component of "
                                    + BadgeRevoked.class.getName());
        }

        @Test
        void enumValuesOtherThanTheJavaConstantsAndPrimitiveNotRequired() {
            Map<String, Object> doc = AsyncApiContract.parse("""
                    components:
                      schemas:
                        EnrollmentKind: {type: string, enum: [INITIAL]}
                        LearnerEnrolled:
                          type: object
                          required: [enrollmentId, learnerId, credentialId, kind, occurredAt]
                          properties:
                            enrollmentId: {type: string}
                            learnerId: {type: string}
                            credentialId: {type: string}
                            credentialVersion: {type: [number, 'null']}
                            kind: {$ref: '#/components/schemas/EnrollmentKind'}
                            renewalOf: {type: string}
                            occurredAt: {type: string, format: date-time}
                    """);

            assertThat(AsyncApiContract.schemaViolations(doc, LearnerEnrolled.class))
                    .containsExactlyInAnyOrder(
                            "LearnerEnrolled.credentialVersion: a int is always present and must be required",
                            "LearnerEnrolled.credentialVersion: type is number, expected integer",
                            "LearnerEnrolled.kind: enum is [INITIAL], expected the constants of EnrollmentKind "
                                    + "[INITIAL, RENEWAL]",
                            "LearnerEnrolled.renewalOf: optional, so it must allow null (an absent value is "
                                    + "written as null)");
        }

        @Test
        void nestedRecordInlinedOrWithDifferentComponents() {
            Map<String, Object> doc = AsyncApiContract.parse("""
                    components:
                      schemas:
                        CompletionReported:
                          type: object
                          required: [partnerId, learner, activityId, statementId, verb, completedAt]
                          properties:
                            partnerId: {type: string}
                            learner: {$ref: '#/components/schemas/LearnerReference'}
                            activityId: {type: string}
                            statementId: {type: string}
                            completion: {type: [boolean, 'null']}
                            success: {type: [string, 'null']}
                            scaledScore: {type: [number, 'null']}
                            verb: {type: string}
                            completedAt: {type: string, format: date-time}
                        LearnerReference:
                          type: object
                          properties:
                            accountHomePage: {type: [string, 'null']}
                            accountName: {type: [string, 'null']}
                            mbox: {type: [string, 'null']}
                    """);

            assertThat(AsyncApiContract.schemaViolations(doc, CompletionReported.class))
                    .containsExactlyInAnyOrder(
                            "CompletionReported.success: type is string, expected boolean",
                            "LearnerReference.mboxSha1sum: record component has no property in the schema");
        }

        @Test
        void acceptsAMatchingMiniDocument() {
            Map<String, Object> doc = AsyncApiContract.parse("""
                    components:
                      schemas:
                        BadgeExpired:
                          type: object
                          required: [badgeId, learnerId, credentialId, occurredAt]
                          properties:
                            badgeId: {type: string}
                            learnerId: {type: string}
                            credentialId: {type: string}
                            occurredAt: {type: string, format: date-time}
                    """);

            assertThat(AsyncApiContract.schemaViolations(doc, BadgeExpired.class))
                    .isEmpty();
        }
    }

    private static Map<String, Object> document() throws IOException {
        return AsyncApiContract.parse(Files.readString(DOCUMENT));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Object node, String... names) {
        Object current = node;
        for (String name : names) {
            current = ((Map<String, Object>) current).get(name);
        }
        return (Map<String, Object>) current;
    }
}
