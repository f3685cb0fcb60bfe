package org.credstack.events.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A credential version was published for the first time: from now on learners can enroll in it.
 *
 * @param credentialId the credential id (the record key)
 * @param credential the full snapshot of the version concerned
 * @param occurredAt business time of the change, UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialPublished(String credentialId, CredentialSnapshot credential, Instant occurredAt)
        implements CatalogEvent {}
