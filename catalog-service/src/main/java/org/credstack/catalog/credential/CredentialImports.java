package org.credstack.catalog.credential;

import org.springframework.stereotype.Service;

/**
 * Applies an {@link ImportBatch} to the catalog, all or nothing.
 *
 * <p>Every provider and credential is validated (including that stack components exist in the batch or
 * the catalog and that stacks form no cycle) before anything is written. A credential seen before (same
 * source key) with the same content is left alone; with changed content it gets a new published version;
 * a new one is created and published. Providers are matched by source key the same way.
 */
@Service
public class CredentialImports {

    /**
     * @param batch what one document yielded
     * @return the outcome per credential, in batch order
     * @throws CatalogRuleViolation naming the credential ({@code credentials[<sourceKey>].<field>}) and the
     *     rule broken; nothing is stored then
     */
    public ImportResult importAll(ImportBatch batch) {
        throw new UnsupportedOperationException("implemented by the catalog core");
    }
}
