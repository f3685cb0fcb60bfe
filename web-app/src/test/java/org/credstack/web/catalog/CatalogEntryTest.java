package org.credstack.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogEntryTest {

    @Test
    void saysIsoDurationsAndPeriodsInWords() {
        assertThat(CatalogEntry.inWords("PT40H")).isEqualTo("40 hours");
        assertThat(CatalogEntry.inWords("P1Y6M")).isEqualTo("1 year 6 months");
        assertThat(CatalogEntry.inWords("P3W")).isEqualTo("3 weeks");
        assertThat(CatalogEntry.inWords("PT1H30M")).isEqualTo("1 hour 30 minutes");
        assertThat(CatalogEntry.inWords("not a duration")).isEqualTo("not a duration");
    }
}
