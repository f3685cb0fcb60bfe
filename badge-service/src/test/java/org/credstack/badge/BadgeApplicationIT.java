package org.credstack.badge;

import static org.assertj.core.api.Assertions.assertThat;

import org.credstack.testsupport.ServiceHealth;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

@Import(TestClockConfig.class)
class BadgeApplicationIT extends ServiceIntegrationTest {

    @Test
    void reportsHealthyAgainstRealBrokerAndStore() {
        assertThat(ServiceHealth.of(port)).isEqualTo(new ServiceHealth("UP", "UP", 1.0));
    }
}
