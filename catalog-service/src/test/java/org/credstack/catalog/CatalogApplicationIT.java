package org.credstack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogApplicationIT extends CatalogIntegrationTest {

    @Test
    void reportsHealthyAgainstRealBrokerAndStore() {
        String health = http().get().uri("/actuator/health").retrieve().body(String.class);
        assertThat(health).contains("\"status\":\"UP\"").contains("\"mongo\"").contains("\"ok\":1");
    }
}
