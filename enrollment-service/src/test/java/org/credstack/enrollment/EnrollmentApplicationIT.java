package org.credstack.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import org.credstack.testsupport.ServiceHealth;
import org.junit.jupiter.api.Test;

class EnrollmentApplicationIT extends ServiceIT {

    @Test
    void reportsHealthyAgainstRealBrokerAndStore() {
        assertThat(ServiceHealth.of(port)).isEqualTo(new ServiceHealth("UP", "UP", 1.0));
    }
}
