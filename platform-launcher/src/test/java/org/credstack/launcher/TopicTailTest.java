package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TopicTailTest {

    @Test
    void showsKeyCloudEventsHeadersAndValue() {
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>("catalog.credentials.v1", 2, 7L, "cred-1", "{\"credentialId\":\"cred-1\"}");
        record.headers()
                .add("ce_type", "org.credstack.catalog.CredentialPublished.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));

        assertThat(TopicTail.describe(record))
                .isEqualTo(
                        "partition 2 offset 7 key cred-1%n  ce_type=org.credstack.catalog.CredentialPublished.v1 ce_id=e-1%n"
                                        .formatted()
                                + "  {\"credentialId\":\"cred-1\"}%n".formatted());
    }
}
