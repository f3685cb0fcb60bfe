package org.credstack.enrollment.catalog;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The latest known version of one catalog credential, as the catalog published it.
 *
 * @param id the credential id
 * @param credentialVersion the snapshot's {@code version}
 * @param status {@code PUBLISHED}, {@code RETIRED} or {@code DRAFT}
 * @param occurredAt business time of the catalog event that wrote it; orders events of the same version
 * @param eventId {@code ce_id} of that event
 * @param snapshot the {@code CredentialSnapshot} as the catalog's JSON, kept verbatim
 * @param providerId the snapshot's provider id, or {@code null} when it names none
 * @param activityIds the activity IRIs of its assignments and renewal requirements (indexed: which providers' credentials
 *     name an activity); {@code null} in a document stored before the field existed, until the backfill at start
 */
@Document(CatalogReplica.COLLECTION)
record ReplicatedCredential(
        @Id String id,
        int credentialVersion,
        String status,
        Instant occurredAt,
        String eventId,
        String snapshot,
        String providerId,
        List<String> activityIds) {}
