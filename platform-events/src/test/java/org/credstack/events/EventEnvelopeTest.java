package org.credstack.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.catalog.CredentialRevised;
import org.credstack.events.partner.CompletionReported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The CloudEvents 1.0 Kafka binary-mode envelope: what goes on the wire and what a consumer accepts. */
class EventEnvelopeTest {

    private static final JsonMapper JSON =
            JsonMapper.builder().findAndAddModules().build();
    private static final UUID ID = UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2b8f4e7c31");
    private static final Instant TIME = Instant.parse("2026-03-01T09:31:00.125Z");
    private static final Pattern RFC3339_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    static Stream<Class<?>> eventRecords() {
        return EventTypes.eventRecords();
    }

    @ParameterizedTest
    @MethodSource("eventRecords")
    void writesExactlyTheCloudEventsHeadersAsUtf8(Class<?> eventRecord) {
        Object event = EventSamples.fullyPopulated(eventRecord);
        Topic topic = Topic.of(eventRecord);

        ProducerRecord<String, byte[]> record =
                EventEnvelope.wrap(event, ID, TIME).toProducerRecord(JSON);

        assertThat(record.topic()).isEqualTo(topic.topicName());
        assertThat(record.key()).isEqualTo(Topic.keyOf(event));
        assertThat(record.headers().toArray()).hasSize(7);
        assertThat(headersOf(record.headers()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        ID.toString(),
                        "ce_source",
                        "/credstack/" + topic.service(),
                        "ce_type",
                        topic.typeOf(eventRecord),
                        "ce_time",
                        "2026-03-01T09:31:00.125Z",
                        "ce_subject",
                        Topic.subjectOf(event),
                        "content-type",
                        "application/json"));
        assertThat(JSON.readValue(record.value(), eventRecord)).isEqualTo(event);
    }

    @Test
    void keysAndNamesBadgeEventsByLearner() {
        BadgeIssued badge = (BadgeIssued) EventSamples.fullyPopulated(BadgeIssued.class);

        ProducerRecord<String, byte[]> record =
                EventEnvelope.wrap(badge, ID, TIME).toProducerRecord(JSON);

        assertThat(record.topic()).isEqualTo("badge.events.v1");
        assertThat(record.key()).isEqualTo("learner-9");
        assertThat(headersOf(record.headers()))
                .containsEntry("ce_source", "/credstack/badge")
                .containsEntry("ce_type", "org.credstack.badge.BadgeIssued.v1")
                .containsEntry("ce_subject", "learner-9");
    }

    @Test
    void keysCatalogEventsByCredential() {
        Object revised = EventSamples.fullyPopulated(CredentialRevised.class);

        ProducerRecord<String, byte[]> record =
                EventEnvelope.wrap(revised, ID, TIME).toProducerRecord(JSON);

        assertThat(record.key()).isEqualTo("cred-42");
        assertThat(headersOf(record.headers()))
                .containsEntry("ce_type", "org.credstack.catalog.CredentialRevised.v1")
                .containsEntry("ce_subject", "cred-42");
    }

    @Test
    void keysPartnerCompletionsByPartnerAndLearnerReference() {
        Object report = EventSamples.fullyPopulated(CompletionReported.class);

        ProducerRecord<String, byte[]> record =
                EventEnvelope.wrap(report, ID, TIME).toProducerRecord(JSON);

        assertThat(record.key()).isEqualTo("acme-academy|account:https://lms.acme.example|jdoe");
        assertThat(headersOf(record.headers())).containsEntry("ce_subject", "account:https://lms.acme.example|jdoe");
    }

    @Test
    void writesTimeAsRfc3339InUtcWhateverTheOffsetItCameFrom() {
        Instant fromParis = OffsetDateTime.parse("2026-03-01T10:31:00+01:00").toInstant();
        Object event = EventSamples.fullyPopulated(BadgeIssued.class);

        String time = EventEnvelope.wrap(event, ID, fromParis).headers().get(EventEnvelope.TIME);

        assertThat(time).isEqualTo("2026-03-01T09:31:00Z").matches(RFC3339_UTC);
    }

    @ParameterizedTest
    @MethodSource("eventRecords")
    void readsBackTheEnvelopeItWrote(Class<?> eventRecord) {
        EventEnvelope<Object> envelope = EventEnvelope.wrap(EventSamples.fullyPopulated(eventRecord), ID, TIME);
        ProducerRecord<String, byte[]> record = envelope.toProducerRecord(JSON);

        EventEnvelope<?> read = EventEnvelope.read(envelope.topic(), record.headers(), record.value(), JSON);

        assertThat(read).isEqualTo(envelope);
    }

    @Test
    void rejectsRecordWithoutId() {
        ProducerRecord<String, byte[]> record = badgeRecord();
        record.headers().remove(EventEnvelope.ID);

        assertThatThrownBy(() -> EventEnvelope.read(Topic.BADGE_EVENTS, record.headers(), record.value(), JSON))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_id");
    }

    @Test
    void rejectsIdThatIsNotAUuid() {
        ProducerRecord<String, byte[]> record = badgeRecord();
        record.headers().remove(EventEnvelope.ID).add(EventEnvelope.ID, utf8("1234-1234-1234"));

        assertThatThrownBy(() -> EventEnvelope.read(Topic.BADGE_EVENTS, record.headers(), record.value(), JSON))
                .isInstanceOf(MalformedEventException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "org.credstack.badge.BadgeIssued.v2",
                "org.credstack.enrollment.LearnerEnrolled.v1",
                "com.example.someevent"
            })
    void rejectsTypeTheTopicDoesNotCarry(String type) {
        ProducerRecord<String, byte[]> record = badgeRecord();
        record.headers().remove(EventEnvelope.TYPE).add(EventEnvelope.TYPE, utf8(type));

        assertThatThrownBy(() -> EventEnvelope.read(Topic.BADGE_EVENTS, record.headers(), record.value(), JSON))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("type " + type + " is not carried on badge.events.v1");
    }

    @Test
    void rejectsEventOfAnotherTopicEvenWithItsOwnType() {
        ProducerRecord<String, byte[]> record = badgeRecord();

        assertThatThrownBy(() -> EventEnvelope.read(Topic.ENROLLMENT_EVENTS, record.headers(), record.value(), JSON))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("is not carried on enrollment.events.v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"badgeId\":", "[1, 2]", "null", ""})
    void rejectsUnreadableBody(String body) {
        ProducerRecord<String, byte[]> record = badgeRecord();

        assertThatThrownBy(() -> EventEnvelope.read(Topic.BADGE_EVENTS, record.headers(), utf8(body), JSON))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("unreadable org.credstack.badge.BadgeIssued.v1");
    }

    @Test
    void readsSpringMessageWithByteArrayHeaderValues() {
        EventEnvelope<Object> envelope = badgeEnvelope();
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(JSON.writeValueAsBytes(envelope.data()));
        envelope.headers().forEach((name, value) -> builder.setHeader(name, utf8(value)));

        assertThat(EventEnvelope.read(Topic.BADGE_EVENTS, builder.build(), JSON))
                .isEqualTo(envelope);
    }

    @Test
    void readsSpringMessageWithStringHeaderValues() {
        EventEnvelope<Object> envelope = badgeEnvelope();
        Message<byte[]> message = MessageBuilder.withPayload(JSON.writeValueAsBytes(envelope.data()))
                .copyHeaders(envelope.headers())
                .build();

        assertThat(EventEnvelope.read(Topic.BADGE_EVENTS, message, JSON)).isEqualTo(envelope);
    }

    @Test
    void namesHeadersAsTheCloudEventsKafkaBinaryModeExample() throws IOException {
        Map<String, String> example = specExampleHeaders();
        Map<String, String> ours = headersOf(badgeRecord().headers());

        assertThat(example)
                .containsOnlyKeys(
                        "ce_specversion", "ce_type", "ce_source", "ce_id", "ce_time", EventEnvelope.CONTENT_TYPE);
        assertThat(ours.keySet()).containsAll(example.keySet());
        assertThat(ours.keySet())
                .allMatch(name -> name.equals(EventEnvelope.CONTENT_TYPE) || name.matches("ce_[a-z0-9]+"));
        assertThat(ours.get("ce_specversion")).isEqualTo(example.get("ce_specversion"));
        assertThat(example.get("ce_time")).matches(RFC3339_UTC);
        assertThat(ours.get("ce_time")).matches(RFC3339_UTC);
    }

    @Test
    void rejectsTheSpecExampleBecauseItsTypeIsNotCredStacks() throws IOException {
        Headers headers = new RecordHeaders();
        specExampleHeaders().forEach((name, value) -> headers.add(name, utf8(value)));

        assertThatThrownBy(() -> EventEnvelope.read(Topic.BADGE_EVENTS, headers, utf8("{}"), JSON))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("type com.example.someevent is not carried on badge.events.v1");
    }

    /**
     * The headers of the binary-mode example in the CloudEvents Kafka protocol binding 1.0.2, section
     * 3.2.5 (test resource {@code cloudevents/cloudevents-kafka-binary-mode.txt}), quotes removed.
     */
    private static Map<String, String> specExampleHeaders() throws IOException {
        String text;
        try (InputStream in =
                EventEnvelopeTest.class.getResourceAsStream("/cloudevents/cloudevents-kafka-binary-mode.txt")) {
            assertThat(in).as("test resource").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String section = text.substring(text.indexOf(" headers "), text.indexOf(" value "));
        Matcher header = Pattern.compile("(?m)^([a-z_-]+): \"?([^\"\\n]*)\"?$").matcher(section);
        Map<String, String> headers = new LinkedHashMap<>();
        while (header.find()) {
            headers.put(header.group(1), header.group(2));
        }
        return headers;
    }

    private static EventEnvelope<Object> badgeEnvelope() {
        return EventEnvelope.wrap(EventSamples.fullyPopulated(BadgeIssued.class), ID, TIME);
    }

    private static ProducerRecord<String, byte[]> badgeRecord() {
        return badgeEnvelope().toProducerRecord(JSON);
    }

    /** Header name to UTF-8 decoded value; fails on a repeated name. */
    private static Map<String, String> headersOf(Headers headers) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Header header : headers) {
            String previous = values.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            assertThat(previous).as("header %s appears once", header.key()).isNull();
        }
        return values;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
