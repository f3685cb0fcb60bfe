package org.credstack.notification.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a catalog credential (collection {@value #COLLECTION}): whether its latest version can
 * be renewed, so a reminder knows whether to carry a renewal link.
 *
 * @param credentialId the catalog credential id
 * @param version the catalog version this was read from; an older version never overwrites it
 * @param status the catalog status of that version ({@code PUBLISHED}, {@code RETIRED})
 * @param renewable whether that version has a renewal policy
 */
@Document(RenewableCredential.COLLECTION)
record RenewableCredential(@Id String credentialId, int version, String status, boolean renewable) {

    static final String COLLECTION = "credentials";
}
