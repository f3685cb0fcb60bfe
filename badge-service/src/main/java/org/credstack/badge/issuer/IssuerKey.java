package org.credstack.badge.issuer;

import java.security.PrivateKey;

/**
 * What signing a provider's credential takes.
 *
 * @param issuerId the issuer's id, {@code <base>/issuers/{providerId}}
 * @param verificationMethod the proof's {@code verificationMethod}, {@code <issuerId>#<publicKeyMultibase>}
 * @param privateKey the Ed25519 private key; never logged ({@link #toString()} leaves it out)
 */
public record IssuerKey(String issuerId, String verificationMethod, PrivateKey privateKey) {

    @Override
    public String toString() {
        return "IssuerKey[" + verificationMethod + "]";
    }
}
