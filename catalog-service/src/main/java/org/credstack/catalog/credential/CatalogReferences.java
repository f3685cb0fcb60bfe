package org.credstack.catalog.credential;

import java.util.List;
import java.util.Optional;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;

/**
 * What a credential needs to know about the rest of the catalog to check its references: its provider
 * and, for a stack, its component credentials. Implemented over MongoDB by the catalog and over the
 * planned state by an import.
 */
interface CatalogReferences {

    /** The provider with this id, if it exists. */
    Optional<ProviderSnapshot> provider(String providerId);

    /** The credential with this id, if it exists. */
    Optional<Component> credential(String credentialId);

    /**
     * A possible component of a stack.
     *
     * @param id credential id
     * @param status its status
     * @param componentIds the credentials its own current content names as components (empty unless a stack)
     */
    record Component(String id, Status status, List<String> componentIds) {}
}
