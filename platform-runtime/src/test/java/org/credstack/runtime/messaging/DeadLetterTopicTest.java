package org.credstack.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DeadLetterTopicTest {

    @Test
    void namesTheDeadLetterTopicAfterTopicAndGroup() {
        assertThat(DeadLetterTopic.name("catalog.credentials.v1", "badge-service"))
                .isEqualTo("catalog.credentials.v1.badge-service.dlq");
    }

    @Test
    void findsTheOriginalTopicOfItsOwnGroupsDeadLetterTopicsOnly() {
        String dlq = DeadLetterTopic.name("enrollment.events.v1", "badge-service");

        assertThat(DeadLetterTopic.originalTopic(dlq, "badge-service")).contains("enrollment.events.v1");
        assertThat(DeadLetterTopic.originalTopic(dlq, "notification-service")).isEmpty();
        assertThat(DeadLetterTopic.originalTopic("enrollment.events.v1", "badge-service"))
                .isEmpty();
        assertThat(DeadLetterTopic.originalTopic(".badge-service.dlq", "badge-service"))
                .isEmpty();
    }

    @Test
    void refusesABlankTopicOrGroup() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeadLetterTopic.name("", "badge-service"));
        assertThatIllegalArgumentException().isThrownBy(() -> DeadLetterTopic.name("badge.events.v1", null));
    }
}
