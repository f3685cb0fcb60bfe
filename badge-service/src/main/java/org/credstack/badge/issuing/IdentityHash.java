package org.credstack.badge.issuing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The hashed recipient of an award (Open Badges 3.0 §B.1.15 IdentityObject, IdentityHash): {@code
 * "sha256$" + hex(SHA-256(UTF-8(identity + salt)))}, lower-case hex. Email addresses are trimmed and
 * lower-cased before hashing, so a relying party holding the address in any case can match it.
 */
final class IdentityHash {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IdentityHash() {}

    /**
     * @param email the recipient's email address
     * @param salt the salt appended before hashing (stored next to the hash in the credential)
     * @throws IllegalArgumentException if the email is blank
     */
    static String ofEmail(String email, String salt) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("recipient email must not be blank");
        }
        return "sha256$" + HexFormat.of().formatHex(sha256(email.trim().toLowerCase(Locale.ROOT) + salt));
    }

    /** A fresh salt: 16 random bytes as 32 hex digits. */
    static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no SHA-256", e);
        }
    }
}
