package org.credstack.identity.token;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One RSA signing key of the key ring: a document of the {@code signingKeys} collection. The {@code _id} is the key's
 * generation, so two instances that rotate at once cannot both add a key of the same generation.
 *
 * @param generation 1 for the first key, one more for each rotation
 * @param jwk the key pair as a JWK (RFC 7517) JSON object, private parameters included, {@code kid} a UUID
 * @param createdAt when the key was made; the newest key signs
 */
@Document(SigningKey.COLLECTION)
record SigningKey(@Id long generation, String jwk, Instant createdAt) {

    static final String COLLECTION = "signingKeys";
}
