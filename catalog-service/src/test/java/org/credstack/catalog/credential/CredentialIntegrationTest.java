package org.credstack.catalog.credential;

import org.credstack.catalog.CatalogIntegrationTest;

/** The shared catalog IT context plus shortcuts for providers and credentials made through the API. */
abstract class CredentialIntegrationTest extends CatalogIntegrationTest {

    String newProvider(String name) {
        return post("/api/v1/providers", TestDrafts.provider(name))
                .body()
                .get("id")
                .asString();
    }

    String newDraft(CredentialDraft draft) {
        Answer created = post("/api/v1/credentials", draft);
        if (created.status() != 201) {
            throw new AssertionError("draft not created: " + created);
        }
        return created.body().get("id").asString();
    }

    String published(CredentialDraft draft) {
        String id = newDraft(draft);
        Answer published = post("/api/v1/credentials/" + id + "/publish", null);
        if (published.status() != 200) {
            throw new AssertionError("not published: " + published);
        }
        return id;
    }
}
