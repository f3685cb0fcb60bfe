package org.credstack.identity.token;

/**
 * A stored signing key does not open: its key-encryption key is not configured (a missing or wrong {@code
 * credstack.crypto.kek}, or an old KEK dropped from {@code credstack.crypto.previous-keks} too soon), or the sealed
 * value was altered or copied from another key. The identity service then neither starts nor rotates: a new key
 * would sign tokens while the stored ones could not, and nobody would notice until a resource server met a
 * {@code kid} it did not know. Printed at start by {@link SigningKeyUnavailableFailureAnalyzer}.
 */
class SigningKeyUnavailableException extends IllegalStateException {

    private final long generation;
    private final String kekId;

    /**
     * @param generation the generation of the key that does not open
     * @param kekId the id of the key-encryption key the sealed value names
     * @param cause why it does not open (a {@code SealedValueException}, or the key inside being another's)
     */
    SigningKeyUnavailableException(long generation, String kekId, Exception cause) {
        super(
                "signing key generation " + generation + " does not open: " + cause.getMessage()
                        + ". It was sealed under key-encryption key " + kekId + "; start identity-service with that"
                        + " KEK as credstack.crypto.kek (CREDSTACK_CRYPTO_KEK) or among"
                        + " credstack.crypto.previous-keks (CREDSTACK_CRYPTO_PREVIOUS_KEKS). No new key is made"
                        + " while a stored one does not open.",
                cause);
        this.generation = generation;
        this.kekId = kekId;
    }

    long generation() {
        return generation;
    }

    String kekId() {
        return kekId;
    }
}
