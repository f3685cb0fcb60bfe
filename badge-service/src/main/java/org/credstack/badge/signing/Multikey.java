package org.credstack.badge.signing;

import java.security.PublicKey;
import java.util.Arrays;

/**
 * Multikey encoding of Ed25519 public keys (Controlled Identifiers v1.0, Multikey; VC Data Integrity
 * EdDSA Cryptosuites v1.0 §2.1.1): multibase base58btc of the multicodec header {@code 0xed 0x01}
 * followed by the 32 key bytes, so every value starts with {@code z6Mk}.
 *
 * <p>Errors: {@link IllegalArgumentException} naming what is wrong with a value.
 */
public final class Multikey {

    private static final byte[] ED25519_PUB_HEADER = {(byte) 0xed, (byte) 0x01};

    private Multikey() {}

    /** The {@code publicKeyMultibase} value of an Ed25519 public key, e.g. {@code z6MkjZRZ...}. */
    public static String encode(PublicKey publicKey) {
        byte[] raw = Ed25519Keys.rawPublicKey(publicKey);
        byte[] multicodec = Arrays.copyOf(ED25519_PUB_HEADER, ED25519_PUB_HEADER.length + raw.length);
        System.arraycopy(raw, 0, multicodec, ED25519_PUB_HEADER.length, raw.length);
        return Base58Btc.encode(multicodec);
    }

    /**
     * The Ed25519 public key of a {@code publicKeyMultibase} value.
     *
     * @throws IllegalArgumentException if the value is not base58btc, lacks the Ed25519 header, or is
     *     not 34 bytes long
     */
    public static PublicKey decode(String publicKeyMultibase) {
        byte[] multicodec = Base58Btc.decode(publicKeyMultibase);
        if (multicodec.length != ED25519_PUB_HEADER.length + Ed25519Keys.KEY_LENGTH
                || !Arrays.equals(multicodec, 0, 2, ED25519_PUB_HEADER, 0, 2)) {
            throw new IllegalArgumentException("not an Ed25519 Multikey (0xed01 + 32 bytes): " + publicKeyMultibase);
        }
        return Ed25519Keys.publicKey(Arrays.copyOfRange(multicodec, ED25519_PUB_HEADER.length, multicodec.length));
    }
}
