package org.credstack.catalog.credential;

import java.util.Optional;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;

/** {@link CatalogReferences} over what is stored. */
record MongoReferences(ProviderRepository providers, CredentialRepository credentials) implements CatalogReferences {

    @Override
    public Optional<ProviderSnapshot> provider(String providerId) {
        return providers.findById(providerId).map(p -> Snapshots.provider(p.id(), p.content()));
    }

    @Override
    public Optional<Component> credential(String credentialId) {
        return credentials.findById(credentialId).map(Credential::asComponent);
    }
}
