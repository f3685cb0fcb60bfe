package org.credstack.runtime.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key-encryption key held in the process: 32 bytes given in configuration or the environment ({@code
 * credstack.crypto.kek}, {@code CREDSTACK_CRYPTO_KEK}). It wraps a data key with AES-256-GCM (NIST SP 800-38D) under
 * a fresh 96-bit nonce, with its {@link #id()} as associated data: the wrapped key is {@code nonce (12 bytes) ||
 * ciphertext (32) || tag (16)}.
 *
 * <p>Its id, {@code local-<16 hex digits>}, is the start of SHA-256 over a label and the key, so the same key
 * always has the same id and the id tells nothing usable about the key. Thread-safe.
 */
public final class LocalKeyEncryptionKey implements KeyEncryptionKey {

    /** Length of the key in bytes (AES-256). */
    public static final int KEY_LENGTH = 32;

    private final SecretKey key;
    private final String id;

    /**
     * @param key the 32 raw key bytes (copied)
     * @throws IllegalArgumentException if the key is not 32 bytes
     */
    public LocalKeyEncryptionKey(byte[] key) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a key-encryption key must be " + KEY_LENGTH + " bytes, was "
                    + (key == null ? "null" : key.length));
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.id = "local-" + HexFormat.of().formatHex(fingerprint(key), 0, 8);
    }

    /**
     * The KEK whose key is {@code base64} (standard alphabet, padding optional, surrounding whitespace ignored).
     *
     * @param property the setting it came from, named in the error (e.g. {@code credstack.crypto.kek})
     * @throws IllegalArgumentException if the value is not base64 of exactly 32 bytes; the message names the
     *     setting, never the value
     */
    public static LocalKeyEncryptionKey fromBase64(String base64, String property) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not base64", e);
        }
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(
                    property + " must be base64 of " + KEY_LENGTH + " random bytes, it holds " + key.length);
        }
        try {
            return new LocalKeyEncryptionKey(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] dataKey) {
        try {
            return AesGcm.seal(key, dataKey, AesGcm.bytes(id));
        } catch (GeneralSecurityException e) {
            throw new SealedValueException("cannot wrap a data key with " + id, e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrappedKey) {
        try {
            return AesGcm.open(key, wrappedKey, AesGcm.bytes(id));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealedValueException(
                    "the data key does not open with " + id + " (altered or not wrapped by it)", e);
        }
    }

    @Override
    public String toString() {
        return "LocalKeyEncryptionKey[" + id + "]";
    }

    private static byte[] fingerprint(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(AesGcm.bytes("credstack-kek-id\0"));
            return sha256.digest(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no SHA-256", e);
        }
    }
}
