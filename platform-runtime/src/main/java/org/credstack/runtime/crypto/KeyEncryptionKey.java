package org.credstack.runtime.crypto;

/**
 * A key-encryption key (KEK) of envelope encryption: it wraps and unwraps the data keys that {@link SecretCipher}
 * encrypts secrets with, and never leaves wherever it lives. {@link LocalKeyEncryptionKey} keeps one in the
 * process (from configuration or the environment); a KMS implementation calls the KMS's encrypt and decrypt (for
 * instance through Google Tink's {@code KmsClient.getAead(keyUri)}), so the KEK itself never reaches the service.
 *
 * <p>Implementations are thread-safe.
 */
public interface KeyEncryptionKey {

    /**
     * The name under which sealed values remember this KEK, so they can be opened after the current KEK changed;
     * stable for the life of the key, non-blank, without whitespace (e.g. {@code local-3f1c0a9b2d4e6f70} or a KMS
     * key name). Not secret.
     */
    String id();

    /**
     * Encrypts a data key.
     *
     * @param dataKey the raw data key, 32 bytes for AES-256
     * @return the wrapped key, opaque and self-contained (an implementation's nonce and tag included)
     * @throws SealedValueException if the key cannot be wrapped (e.g. the KMS refused)
     */
    byte[] wrap(byte[] dataKey);

    /**
     * Decrypts a data key that {@link #wrap} returned.
     *
     * @throws SealedValueException if the wrapped key was not made by this KEK or was altered
     */
    byte[] unwrap(byte[] wrappedKey);
}
