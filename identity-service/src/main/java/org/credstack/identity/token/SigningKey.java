package org.credstack.identity.token;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One RSA signing key of the key ring: a document of the {@code signingKeys} collection. The {@code _id} is the key's
 * generation, so two instances that rotate at once cannot both add a key of the same generation.
 *
 * <pre>{@code
 * { "_id": 3, "kid": "<uuid>",
 *   "publicJwk": "{\"kty\":\"RSA\",\"e\":\"AQAB\",\"use\":\"sig\",\"kid\":\"<uuid>\",\"n\":\"...\"}",
 *   "sealedJwk": "v1.local-3f1c0a9b2d4e6f70.<wrapped data key>.<nonce>.<ciphertext>",
 *   "createdAt": ISODate(...) }
 * }</pre>
 *
 * <p>The private key exists only sealed by the platform's {@code SecretCipher}, with the context {@link
 * SigningKeys#context(long, String)} ({@code identity/signing-key/<generation>#<kid>}). A store written before keys
 * were sealed holds the whole key pair in plain in {@code jwk} instead of {@code kid}, {@code publicJwk} and {@code
 * sealedJwk}; {@link SigningKeys} seals it at its next check.
 *
 * @param generation 1 for the first key, one more for each rotation
 * @param kid the key id (a UUID), the {@code kid} header of the tokens it signs; {@code null} in a plain document
 * @param publicJwk the public key as a JWK (RFC 7517) JSON object: {@code kty}, {@code use}, {@code kid}, {@code n},
 *     {@code e}, never a private parameter; {@code null} in a plain document
 * @param sealedJwk the whole key pair as a JWK JSON object, private parameters included, sealed ({@code
 *     SealedValue#encoded()}); {@code null} in a plain document
 * @param createdAt when the key was made; the newest key signs
 * @param jwk only in a store written before keys were sealed: the key pair as a plain JWK; never written now
 */
@Document(SigningKey.COLLECTION)
record SigningKey(@Id long generation, String kid, String publicJwk, String sealedJwk, Instant createdAt, String jwk) {

    static final String COLLECTION = "signingKeys";

    static final String SEALED_JWK = "sealedJwk";

    /** The field of the plain key pair in a store written before keys were sealed. */
    static final String PLAIN_JWK = "jwk";

    /** A key as written now: public key in clear, key pair sealed. */
    static SigningKey sealed(long generation, String kid, String publicJwk, String sealedJwk, Instant createdAt) {
        return new SigningKey(generation, kid, publicJwk, sealedJwk, createdAt, null);
    }

    /** Whether this is a document of a store written before keys were sealed (the key pair in plain). */
    boolean plain() {
        return jwk != null;
    }
}
