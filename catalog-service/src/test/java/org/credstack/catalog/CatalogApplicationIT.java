package org.credstack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.credstack.testsupport.ServiceHealth;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogApplicationIT extends CatalogIntegrationTest {

    @Test
    void reportsHealthyAgainstRealBrokerAndStore() {
        JsonNode health = ServiceHealth.of(port);

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/details/ok").asDouble()).isEqualTo(1.0);
    }
}
