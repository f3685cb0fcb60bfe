package org.credstack.badge.signing;

/**
 * The outcome of checking a Data Integrity proof.
 *
 * @param verified whether the proof is a valid {@code eddsa-rdfc-2022} signature over the document
 *     by the given key
 * @param failure why it is not, in words naming the failed fact; {@code null} exactly when verified
 */
public record ProofVerification(boolean verified, String failure) {

    public ProofVerification {
        if (verified != (failure == null)) {
            throw new IllegalArgumentException("a failure reason is given exactly when not verified");
        }
    }

    static ProofVerification success() {
        return new ProofVerification(true, null);
    }

    static ProofVerification failed(String failure) {
        return new ProofVerification(false, failure);
    }
}
