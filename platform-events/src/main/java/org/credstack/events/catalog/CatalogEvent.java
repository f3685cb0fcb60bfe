package org.credstack.events.catalog;

import java.time.Instant;

/**
 * Events on {@code catalog.credentials.v1} (compacted, key = credential id). Each carries the whole
 * {@link CredentialSnapshot}, so a consumer that reads the topic from offset 0 rebuilds the catalog.
 */
public sealed interface CatalogEvent permits CredentialPublished, CredentialRevised, CredentialRetired {

    /** The credential id; the record key. */
    String credentialId();

    /** The full state of the credential version this event is about. */
    CredentialSnapshot credential();

    /** Business time of the change (UTC). */
    Instant occurredAt();
}
