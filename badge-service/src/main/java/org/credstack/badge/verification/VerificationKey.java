package org.credstack.badge.verification;

import com.nimbusds.jose.jwk.JWK;
import java.security.PublicKey;

/**
 * A resolved verification method's public key (Controlled Identifiers v1.0 §2.2), in the two shapes its users need:
 * the JCA key for Data Integrity proofs ({@code EdDSA} only) and the JWK for JOSE (VC-JWT: {@code EdDSA}, {@code
 * ES256}, {@code RS256}).
 *
 * @param id the verification method's absolute id, e.g. {@code did:web:example.org#key-1}
 * @param controller the id of its controller document (the id before {@code #}), whom the key speaks for
 * @param publicKey the key: algorithm {@code EdDSA} (Ed25519), {@code EC} (P-256) or {@code RSA}
 * @param jwk the same key as a public JWK whose {@code kid} is {@code id}
 */
public record VerificationKey(String id, String controller, PublicKey publicKey, JWK jwk) {

    /** Whether this is an Ed25519 key (the only kind the Data Integrity EdDSA cryptosuites verify with). */
    public boolean isEd25519() {
        return "EdDSA".equals(publicKey.getAlgorithm()) || "Ed25519".equals(publicKey.getAlgorithm());
    }
}
