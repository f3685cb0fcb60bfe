package org.credstack.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    @Test
    void readsTheOriginAndFailureTheBinderWroteInBinary() {
        Headers headers = new RecordHeaders()
                .add("ce_id", utf8("6f1c0f2e-0000-4000-8000-000000000001"))
                .add("ce_type", utf8("org.credstack.catalog.CredentialPublished.v1"))
                .add("x-original-topic", utf8("catalog.credentials.v1"))
                .add("x-original-partition", ByteBuffer.allocate(4).putInt(2).array())
                .add(
                        "x-original-offset",
                        ByteBuffer.allocate(8).putLong(5_000_000_000L).array())
                .add(
                        "x-original-timestamp",
                        ByteBuffer.allocate(8).putLong(1_700_000_000_000L).array())
                .add("x-exception-fqcn", utf8("org.credstack.events.MalformedEventException"))
                .add("x-exception-message", utf8("credentialId is missing"));

        assertThat(DeadLetterHeaders.of(headers))
                .isEqualTo(new DeadLetterHeaders(
                        "catalog.credentials.v1",
                        2,
                        5_000_000_000L,
                        "org.credstack.events.MalformedEventException",
                        "credentialId is missing",
                        "6f1c0f2e-0000-4000-8000-000000000001",
                        "org.credstack.catalog.CredentialPublished.v1"));
    }

    @Test
    void readsSpringKafkaDeadLetterHeadersWhenTheBindersAreMissing() {
        Headers headers = new RecordHeaders()
                .add("kafka_dlt-original-topic", utf8("badge.events.v1"))
                .add(
                        "kafka_dlt-original-partition",
                        ByteBuffer.allocate(4).putInt(1).array())
                .add(
                        "kafka_dlt-original-offset",
                        ByteBuffer.allocate(8).putLong(7).array())
                .add("kafka_dlt-exception-fqcn", utf8("java.lang.IllegalStateException"));

        DeadLetterHeaders parsed = DeadLetterHeaders.of(headers);

        assertThat(parsed.originalTopic()).isEqualTo("badge.events.v1");
        assertThat(parsed.originalPartition()).isEqualTo(1);
        assertThat(parsed.originalOffset()).isEqualTo(7L);
        assertThat(parsed.exceptionType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(parsed.exceptionMessage()).isNull();
    }

    @Test
    void readsNumbersWrittenAsDecimalText() {
        Headers headers =
                new RecordHeaders().add("x-original-partition", utf8("12")).add("x-original-offset", utf8("12345678"));

        DeadLetterHeaders parsed = DeadLetterHeaders.of(headers);

        assertThat(parsed.originalPartition()).isEqualTo(12);
        assertThat(parsed.originalOffset()).isEqualTo(12_345_678L);
    }

    @Test
    void takesTheLastValueWhenARecordWasDeadLetteredTwice() {
        Headers headers = new RecordHeaders()
                .add("x-exception-message", utf8("first failure"))
                .add("x-exception-message", utf8("second failure"));

        assertThat(DeadLetterHeaders.of(headers).exceptionMessage()).isEqualTo("second failure");
    }

    @Test
    void givesNullForMissingOrUnreadableHeaders() {
        Headers headers = new RecordHeaders()
                .add("x-original-partition", new byte[] {1, 2, 3})
                .add("x-original-offset", (byte[]) null);

        assertThat(DeadLetterHeaders.of(headers))
                .isEqualTo(new DeadLetterHeaders(null, null, null, null, null, null, null));
    }

    @Test
    void tellsTheHeadersTheDeadLetteringAddedFromTheRecordsOwn() {
        assertThat(DeadLetterHeaders.addedByDeadLettering("x-original-topic")).isTrue();
        assertThat(DeadLetterHeaders.addedByDeadLettering("x-original-timestamp-type"))
                .isTrue();
        assertThat(DeadLetterHeaders.addedByDeadLettering("x-exception-stacktrace"))
                .isTrue();
        assertThat(DeadLetterHeaders.addedByDeadLettering("kafka_dlt-exception-cause-fqcn"))
                .isTrue();
        assertThat(DeadLetterHeaders.addedByDeadLettering("ce_id")).isFalse();
        assertThat(DeadLetterHeaders.addedByDeadLettering("content-type")).isFalse();
    }

    @Test
    void cutsLongTextWithoutSplittingASurrogatePair() {
        String text = "a".repeat(4) + "😀" + "b";

        assertThat(DeadLetter.shorten(text, 5)).isEqualTo("aaaa…");
        assertThat(DeadLetter.shorten(text, 6)).isEqualTo("aaaa😀…");
        assertThat(DeadLetter.shorten("short", 500)).isEqualTo("short");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
