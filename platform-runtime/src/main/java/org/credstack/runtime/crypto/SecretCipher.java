package org.credstack.runtime.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of secrets at rest (signing keys, webhook secrets): each secret gets a fresh 256-bit data key,
 * is encrypted with AES-256-GCM under it with the caller's {@code context} as associated data, and the data key is
 * wrapped by the current {@link KeyEncryptionKey}. The result, a {@link SealedValue}, names the KEK, so values sealed
 * before a KEK rotation still open as long as their KEK is configured among the previous ones.
 *
 * <p>The context binds a sealed value to its place: seal a record's secret with a context naming the record (e.g.
 * {@code badge/issuer-key/p-1#z6Mk...}), and a value copied to another record, or another field, does not open
 * there. It is not secret and is not stored in the sealed value.
 *
 * <p>Errors: {@link SealedValueException} when a value cannot be opened (altered, other context, KEK not
 * configured); {@link IllegalArgumentException} for a blank context. Thread-safe.
 */
public final class SecretCipher {

    /** Length in bytes of each data key (AES-256). */
    public static final int DATA_KEY_LENGTH = 32;

    private final KeyEncryptionKey current;
    private final Map<String, KeyEncryptionKey> byId = new LinkedHashMap<>();

    /**
     * @param current the KEK that wraps every new data key
     * @param previous KEKs that only open values sealed before they were replaced; may be empty; one with the id of
     *     a KEK already given is ignored
     */
    public SecretCipher(KeyEncryptionKey current, Collection<? extends KeyEncryptionKey> previous) {
        this.current = Objects.requireNonNull(current, "current");
        add(current);
        previous.forEach(this::add);
    }

    /** The id of the KEK that new values are sealed under. */
    public String currentKekId() {
        return current.id();
    }

    /**
     * Seals {@code plaintext} for {@code context}.
     *
     * @param plaintext the secret; not changed, not kept
     * @param context where the value will live, e.g. {@code badge/issuer-key/p-1#z6Mk...}; the same string must be
     *     given to {@link #decrypt}
     * @throws IllegalArgumentException if the context is blank
     * @throws SealedValueException if the KEK cannot wrap the data key
     */
    public SealedValue encrypt(byte[] plaintext, String context) {
        byte[] associatedData = associatedData(context);
        byte[] dataKey = AesGcm.randomBytes(DATA_KEY_LENGTH);
        try {
            byte[] nonce = AesGcm.randomBytes(AesGcm.NONCE_LENGTH);
            byte[] ciphertext = AesGcm.encrypt(new SecretKeySpec(dataKey, "AES"), nonce, plaintext, associatedData);
            return new SealedValue(current.id(), current.wrap(dataKey), nonce, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new SealedValueException("cannot encrypt with AES-256-GCM", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Opens a value {@link #encrypt} sealed for the same {@code context}.
     *
     * @return the plaintext; the caller should clear it when done
     * @throws SealedValueException if the value's KEK is not configured, the value was altered, or it was sealed
     *     for another context
     * @throws IllegalArgumentException if the context is blank
     */
    public byte[] decrypt(SealedValue sealed, String context) {
        byte[] associatedData = associatedData(context);
        KeyEncryptionKey kek = byId.get(sealed.kekId());
        if (kek == null) {
            throw new SealedValueException("the value was sealed under key-encryption key " + sealed.kekId()
                    + ", which is not configured (configured: " + byId.keySet() + ")");
        }
        byte[] dataKey = kek.unwrap(sealed.wrappedKey());
        try {
            return AesGcm.decrypt(
                    new SecretKeySpec(dataKey, "AES"), sealed.nonce(), sealed.ciphertext(), associatedData);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealedValueException(
                    "the sealed value does not open for context '" + context
                            + "' (altered, or sealed for another context)",
                    e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** Whether {@code sealed} is under the current KEK; when not, {@link #reseal} moves it there. */
    public boolean isCurrent(SealedValue sealed) {
        return current.id().equals(sealed.kekId());
    }

    /**
     * The same secret sealed again under the current KEK, so an older KEK can be retired once every stored value
     * was resealed.
     *
     * @throws SealedValueException as {@link #decrypt}
     */
    public SealedValue reseal(SealedValue sealed, String context) {
        byte[] plaintext = decrypt(sealed, context);
        try {
            return encrypt(plaintext, context);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private void add(KeyEncryptionKey kek) {
        byId.putIfAbsent(kek.id(), kek);
    }

    private static byte[] associatedData(String context) {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("a sealed value needs a context naming where it lives");
        }
        return AesGcm.bytes(context);
    }
}
