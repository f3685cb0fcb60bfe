package org.credstack.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotificationApplicationIT extends RunningService {

    @Test
    void reportsHealthyAgainstRealBrokerAndStore() {
        String health = http.get().uri("/actuator/health").retrieve().body(String.class);
        assertThat(health).contains("\"status\":\"UP\"").contains("\"mongo\"").contains("\"ok\":1");
    }
}
