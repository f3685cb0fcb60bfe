package org.credstack.runtime.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A secret sealed by {@link SecretCipher}: everything needed to open it except the key-encryption key and the
 * context. Stored as one string ({@link #encoded()}):
 *
 * <pre>{@code
 * v1.<kekId>.<wrappedKey>.<nonce>.<ciphertext>
 * v1.local-3f1c0a9b2d4e6f70.QkR1...(80 chars).q3Vb...(16 chars).Zr9x...
 * }</pre>
 *
 * where {@code v1} is the format (AES-256-GCM data key, 96-bit nonce, 128-bit tag, the context as associated
 * data), {@code kekId} names the key-encryption key that wrapped the data key (it may itself contain dots), and the
 * other three fields are unpadded base64url: the wrapped data key as the KEK returned it, the nonce, and the
 * ciphertext followed by its tag. Nothing in it is secret.
 *
 * @param kekId {@link KeyEncryptionKey#id()} of the KEK that wrapped the data key
 * @param wrappedKey the data key as that KEK wrapped it
 * @param nonce the 12-byte AES-GCM nonce of the ciphertext
 * @param ciphertext the AES-256-GCM ciphertext of the secret followed by the 16-byte tag
 */
public record SealedValue(String kekId, byte[] wrappedKey, byte[] nonce, byte[] ciphertext) {

    /** The format this class writes and reads. */
    public static final String FORMAT = "v1";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    /** @throws IllegalArgumentException if the KEK id is blank or has whitespace, or a part is missing */
    public SealedValue {
        Objects.requireNonNull(kekId, "kekId");
        if (kekId.isBlank() || kekId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a key-encryption key id must be non-blank without whitespace");
        }
        wrappedKey = Objects.requireNonNull(wrappedKey, "wrappedKey").clone();
        nonce = Objects.requireNonNull(nonce, "nonce").clone();
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    }

    /**
     * Reads a value {@link #encoded()} wrote.
     *
     * @throws SealedValueException if the text is not a {@code v1} sealed value
     */
    public static SealedValue parse(String encoded) {
        if (encoded == null || !encoded.startsWith(FORMAT + ".")) {
            throw new SealedValueException("not a sealed value (it does not start with '" + FORMAT + ".')");
        }
        String rest = encoded.substring(FORMAT.length() + 1);
        int third = rest.lastIndexOf('.');
        int second = third < 0 ? -1 : rest.lastIndexOf('.', third - 1);
        int first = second < 0 ? -1 : rest.lastIndexOf('.', second - 1);
        if (first <= 0) {
            throw new SealedValueException("not a sealed value (it needs " + FORMAT + ".kekId.key.nonce.ciphertext)");
        }
        try {
            return new SealedValue(
                    rest.substring(0, first),
                    BASE64URL_DECODER.decode(rest.substring(first + 1, second)),
                    BASE64URL_DECODER.decode(rest.substring(second + 1, third)),
                    BASE64URL_DECODER.decode(rest.substring(third + 1)));
        } catch (IllegalArgumentException e) {
            throw new SealedValueException("not a sealed value: " + e.getMessage(), e);
        }
    }

    /** The one-string form, {@code v1.<kekId>.<wrappedKey>.<nonce>.<ciphertext>}; see the class comment. */
    public String encoded() {
        return FORMAT + "." + kekId + "." + BASE64URL.encodeToString(wrappedKey) + "." + BASE64URL.encodeToString(nonce)
                + "." + BASE64URL.encodeToString(ciphertext);
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedValue that
                && kekId.equals(that.kekId)
                && Arrays.equals(wrappedKey, that.wrappedKey)
                && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kekId, Arrays.hashCode(wrappedKey), Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "SealedValue[" + kekId + ", " + ciphertext.length + " bytes]";
    }
}
