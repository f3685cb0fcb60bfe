package org.credstack.catalog.credential;

import java.util.List;
import org.credstack.catalog.provider.ProviderDraft;

/**
 * Everything one imported document yields: providers and credentials, each under the key that
 * identifies it at its source (a CTID such as {@code ce-3877cdec-...}, or a BadgeClass / Achievement
 * IRI). Credentials name their provider, and stacks their components, by these source keys; a stack may
 * also name a component imported earlier by its source key.
 *
 * @param source where the document came from, for reports (file name or URL)
 * @param providers providers by source key
 * @param credentials credentials by source key; components before the stacks that use them
 */
public record ImportBatch(String source, List<ImportedProvider> providers, List<ImportedCredential> credentials) {

    public ImportBatch {
        providers = List.copyOf(providers);
        credentials = List.copyOf(credentials);
    }

    /**
     * @param sourceKey the provider's identity at the source
     * @param provider its content
     */
    public record ImportedProvider(String sourceKey, ProviderDraft provider) {}

    /**
     * @param sourceKey the credential's identity at the source
     * @param draft its content; {@code providerId} and the stack rule's {@code credentialIds} are source keys
     */
    public record ImportedCredential(String sourceKey, CredentialDraft draft) {}
}
