package org.credstack.runtime.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM with the JDK's provider, as this package uses it: a random 96-bit nonce per message (NIST SP 800-38D
 * §8.2.2; one key never sees enough messages for random nonces to collide) and a 128-bit tag.
 */
final class AesGcm {

    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {}

    /** {@code nonce || ciphertext || tag}. */
    static byte[] seal(SecretKey key, byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        byte[] nonce = randomBytes(NONCE_LENGTH);
        byte[] sealed = encrypt(key, nonce, plaintext, associatedData);
        byte[] out = Arrays.copyOf(nonce, NONCE_LENGTH + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_LENGTH, sealed.length);
        return out;
    }

    /** The plaintext of {@link #seal}'s output; fails on any altered byte. */
    static byte[] open(SecretKey key, byte[] nonceAndCiphertext, byte[] associatedData)
            throws GeneralSecurityException {
        if (nonceAndCiphertext.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new IllegalArgumentException("too short for AES-GCM: " + nonceAndCiphertext.length + " bytes");
        }
        return decrypt(
                key,
                Arrays.copyOf(nonceAndCiphertext, NONCE_LENGTH),
                Arrays.copyOfRange(nonceAndCiphertext, NONCE_LENGTH, nonceAndCiphertext.length),
                associatedData);
    }

    /** {@code ciphertext || tag} under the given nonce. */
    static byte[] encrypt(SecretKey key, byte[] nonce, byte[] plaintext, byte[] associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(plaintext);
    }

    static byte[] decrypt(SecretKey key, byte[] nonce, byte[] ciphertext, byte[] associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(ciphertext);
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
