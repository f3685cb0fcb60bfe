package org.credstack.catalog.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.credstack.catalog.CatalogIntegrationTest;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The local platform's demo provider: created once under the configured id, its staff can act on it. */
class DemoProviderIT extends CatalogIntegrationTest {

    @Autowired
    ProviderCatalog providers;

    @Test
    void theFirstStartStoresTheDemoProviderAndALaterStartChangesNothing() {
        String id = "demo-provider-" + UUID.randomUUID();
        new DemoProvider(providers, id).run(null);

        Answer stored = get("/api/v1/providers/" + id);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body().get("name").stringValue()).isEqualTo("CredStack Demo Provider");

        token = TestTokens.staff(id);
        Answer renamed = put("/api/v1/providers/" + id, """
                {"name": "Renamed Academy", "timeZone": "Europe/Paris"}""");
        assertThat(renamed.status()).as("its staff may change it").isEqualTo(200);

        new DemoProvider(providers, id).run(null);
        assertThat(get("/api/v1/providers/" + id).body().get("name").stringValue())
                .isEqualTo("Renamed Academy");
        assertThat(mongo.getCollection("providers").countDocuments(new org.bson.Document("_id", id)))
                .isEqualTo(1);
    }
}
