package org.credstack.events.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A credential was retired: no new enrollments; awards made under it still verify.
 *
 * @param credentialId the credential id (the record key)
 * @param credential the full snapshot of the version concerned
 * @param occurredAt business time of the change, UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialRetired(String credentialId, CredentialSnapshot credential, Instant occurredAt)
        implements CatalogEvent {}
