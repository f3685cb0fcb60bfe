package org.credstack.catalog.credential;

import java.util.List;

/**
 * What an import did to each credential of an {@link ImportBatch}.
 *
 * @param source the batch's source
 * @param credentials one outcome per imported credential, in batch order
 */
public record ImportResult(String source, List<Outcome> credentials) {

    /** What happened to one credential. */
    public enum Change {
        /** First seen: created and published as version 1. */
        CREATED,
        /** Seen before with other content: published as a new version. */
        REVISED,
        /** Seen before with the same content: nothing written. */
        UNCHANGED
    }

    /**
     * @param sourceKey the credential's source key
     * @param credentialId the catalog id
     * @param version the current published version
     * @param change what the import did
     */
    public record Outcome(String sourceKey, String credentialId, int version, Change change) {}
}
