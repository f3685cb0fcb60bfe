package org.credstack.catalog.credential;

import java.util.Set;

/**
 * What an import would write, shown to the caller check before anything is written (see
 * {@link CredentialImports#importAll}).
 *
 * @param providerIds catalog ids of every provider the batch names (and may create or update), of the provider
 *     each of its credentials names, and of the provider each credential it matches is stored under
 * @param createsProviders whether the batch names a provider the catalog does not have yet
 */
public record ImportReach(Set<String> providerIds, boolean createsProviders) {

    public ImportReach {
        providerIds = Set.copyOf(providerIds);
    }
}
