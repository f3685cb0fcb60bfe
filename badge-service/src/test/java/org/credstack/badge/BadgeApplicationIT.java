package org.credstack.badge;

import static org.assertj.core.api.Assertions.assertThat;

import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.ServiceHealth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
@Import(TestClock.Config.class)
class BadgeApplicationIT {

    @LocalServerPort
    int port;

    @Test
    void reportsHealthyAgainstRealBrokerAndStore() {
        assertThat(ServiceHealth.of(port)).isEqualTo(new ServiceHealth("UP", "UP", 1.0));
    }
}
