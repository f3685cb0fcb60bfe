package org.credstack.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmailDeliveryTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void waitsTheInitialBackoffAfterTheFirstFailure() {
        assertThat(EmailDelivery.retryDelay(1, MINUTE, HOUR)).isEqualTo(MINUTE);
    }

    @Test
    void doublesTheWaitAfterEachFurtherFailure() {
        assertThat(EmailDelivery.retryDelay(2, MINUTE, HOUR)).isEqualTo(Duration.ofMinutes(2));
        assertThat(EmailDelivery.retryDelay(4, MINUTE, HOUR)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void neverWaitsLongerThanTheMaximumBackoff() {
        assertThat(EmailDelivery.retryDelay(7, MINUTE, HOUR)).isEqualTo(HOUR);
        assertThat(EmailDelivery.retryDelay(500, MINUTE, HOUR)).isEqualTo(HOUR);
    }
}
