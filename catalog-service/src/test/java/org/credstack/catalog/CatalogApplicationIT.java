package org.credstack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.credstack.testsupport.ServiceHealth;
import org.junit.jupiter.api.Test;

class CatalogApplicationIT extends CatalogIntegrationTest {

    @Test
    void reportsHealthyAgainstRealBrokerAndStore() {
        assertThat(ServiceHealth.of(port)).isEqualTo(new ServiceHealth("UP", "UP", 1.0));
    }

    @Test
    void showsTheHealthDetailsToOperatorsOnly() {
        assertThat(ServiceHealth.shownToAnyone(port))
                .as("no disk path, database, consumer groups or topics to anonymous callers")
                .doesNotContain("components", "details")
                .contains("status");
    }
}
