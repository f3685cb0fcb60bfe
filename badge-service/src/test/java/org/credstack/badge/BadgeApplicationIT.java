package org.credstack.badge;

import static org.assertj.core.api.Assertions.assertThat;

import org.credstack.testsupport.InfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
@Import(TestClock.Config.class)
class BadgeApplicationIT {

    @LocalServerPort
    int port;

    @Test
    void reportsHealthyAgainstRealBrokerAndStore() {
        String health = RestClient.create()
                .get()
                .uri("http://localhost:" + port + "/actuator/health")
                .retrieve()
                .body(String.class);
        assertThat(health).contains("\"status\":\"UP\"").contains("\"mongo\"").contains("\"ok\":1");
    }
}
