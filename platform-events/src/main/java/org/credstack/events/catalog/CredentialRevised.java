package org.credstack.events.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A published credential has a new version. The previous version stays valid for awards made under it.
 *
 * @param credentialId the credential id (the record key)
 * @param credential the full snapshot of the version concerned
 * @param occurredAt business time of the change, UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialRevised(String credentialId, CredentialSnapshot credential, Instant occurredAt)
        implements CatalogEvent {}
