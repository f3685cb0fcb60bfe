package org.credstack.badge.issuing;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The name a recipient chose to show on one credential's public page: one document per badge in
 * {@value DisplayNames#COLLECTION}, keyed by the badge's uuid. It is not part of the signed credential (the issuer
 * never attested it) and changes nothing in it.
 *
 * @param id the badge's uuid
 * @param learnerId the holder who chose it
 * @param name the name shown, 1 to {@value DisplayNames#MAX_LENGTH} characters
 * @param chosenAt when it was last chosen, UTC
 */
@Document(DisplayNames.COLLECTION)
record DisplayName(@Id String id, String learnerId, String name, Instant chosenAt) {}
