package org.credstack.catalog.credential;

import java.time.Instant;

/** The JSON shapes the catalog API answers with. Times are RFC 3339 UTC strings. */
final class CatalogViews {

    private CatalogViews() {}

    /**
     * One published version; never changes once published.
     *
     * @param credentialId the credential
     * @param version version number, from 1
     */
    record VersionView(String credentialId, int version, Instant publishedAt, CredentialDraft content) {

        static VersionView of(String credentialId, PublishedVersion v) {
            return new VersionView(credentialId, v.version(), v.publishedAt(), v.content());
        }
    }
}
