package org.credstack.badge.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 keys (RFC 8032) with the JDK provider: a key pair from a 32-byte private key seed, a fresh
 * key pair, and the raw 32-byte public key to and from {@link PublicKey}.
 *
 * <p>Errors: {@link IllegalArgumentException} naming the wrong length or key type.
 */
public final class Ed25519Keys {

    /** Length in bytes of an Ed25519 private key seed and of a raw public key. */
    public static final int KEY_LENGTH = 32;

    // SubjectPublicKeyInfo for id-Ed25519 (RFC 8410 §4) up to the 32 key bytes.
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Keys() {}

    /**
     * The key pair whose private key is the 32-byte {@code seed} (RFC 8032 §5.1.5).
     *
     * @throws IllegalArgumentException if the seed is not 32 bytes
     */
    public static KeyPair fromSeed(byte[] seed) {
        requireLength(seed, "private key seed");
        // The JDK has no public API deriving the public key from a seed; its Ed25519 generator takes the
        // seed as the next 32 random bytes, so hand it a source that yields exactly those bytes.
        return generate(new SeedRandom(seed.clone()));
    }

    /** A new key pair from a strong random seed. */
    public static KeyPair generate() {
        return generate(new SecureRandom());
    }

    /** The 32-byte encoding of an Ed25519 public key (RFC 8032 §5.1.2). */
    public static byte[] rawPublicKey(PublicKey publicKey) {
        byte[] encoded = publicKey.getEncoded();
        boolean ed25519SubjectPublicKeyInfo = encoded != null
                && encoded.length == X509_PREFIX.length + KEY_LENGTH
                && Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length);
        if (!ed25519SubjectPublicKeyInfo) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + publicKey.getAlgorithm());
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    /**
     * The public key for a 32-byte raw Ed25519 public key.
     *
     * @throws IllegalArgumentException if the key is not 32 bytes or not a valid Ed25519 point
     */
    public static PublicKey publicKey(byte[] rawPublicKey) {
        requireLength(rawPublicKey, "public key");
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_LENGTH);
        System.arraycopy(rawPublicKey, 0, encoded, X509_PREFIX.length, KEY_LENGTH);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key", e);
        }
    }

    private static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK provides no Ed25519", e);
        }
    }

    private static void requireLength(byte[] key, String what) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 " + what + " must be " + KEY_LENGTH + " bytes, was "
                    + (key == null ? "null" : key.length));
        }
    }

    /** Yields the seed once, then refuses: a second read would mean the generator changed. */
    private static final class SeedRandom extends SecureRandom {

        private byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException(
                        "the JDK Ed25519 generator no longer reads the seed as 32 random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            Arrays.fill(seed, (byte) 0);
            seed = null;
        }
    }
}
