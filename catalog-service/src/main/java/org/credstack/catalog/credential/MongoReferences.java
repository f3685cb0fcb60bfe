package org.credstack.catalog.credential;

import java.util.Optional;
import org.credstack.catalog.provider.ProviderCatalog;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;

/** {@link CatalogReferences} over what is stored. */
record MongoReferences(ProviderCatalog providers, CredentialRepository credentials) implements CatalogReferences {

    @Override
    public Optional<ProviderSnapshot> provider(String providerId) {
        return providers.snapshot(providerId);
    }

    @Override
    public Optional<Component> credential(String credentialId) {
        return credentials.findById(credentialId).map(Credential::asComponent);
    }
}
