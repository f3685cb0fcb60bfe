package org.credstack.enrollment.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Standard Webhooks symmetric signing secret (Standard Webhooks 1.0.0, "Signature scheme"): random bytes, between
 * {@value #MIN_BYTES} and {@value #MAX_BYTES} of them, shown to the provider once as {@code whsec_} followed by their
 * standard base64. A {@code v1} signature is {@code base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))}.
 *
 * <p>Never logged or printed: {@link #toString()} hides the bytes.
 */
final class SigningKey {

    static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    /** What a new secret has: 256 bits. */
    static final int GENERATED_BYTES = 32;

    private final byte[] key;

    SigningKey(byte[] key) {
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "a signing key has " + MIN_BYTES + " to " + MAX_BYTES + " bytes, not " + key.length);
        }
        this.key = key.clone();
    }

    /** A new random key of {@value #GENERATED_BYTES} bytes. */
    static SigningKey generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return new SigningKey(key);
    }

    /**
     * Reads the {@code whsec_<base64>} form.
     *
     * @throws IllegalArgumentException if the prefix is missing or the rest is not base64 of 24 to 64 bytes
     */
    static SigningKey parse(String whsec) {
        if (whsec == null || !whsec.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        return new SigningKey(Base64.getDecoder().decode(whsec.substring(PREFIX.length())));
    }

    /** The {@code whsec_<base64>} form given to the provider. */
    String whsec() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The raw key bytes (a copy), for sealing. */
    byte[] bytes() {
        return key.clone();
    }

    /** The {@code v1} signature of a delivery, without the {@code v1,} prefix: 32 bytes. */
    byte[] sign(String webhookId, String timestamp, byte[] body) {
        byte[] prefix = (webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return hmacSha256(key, content);
    }

    /** HMAC-SHA256 (RFC 2104 with SHA-256): 32 bytes. */
    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + key.length + " bytes]";
    }
}
