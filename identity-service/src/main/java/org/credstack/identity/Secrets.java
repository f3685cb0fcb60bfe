package org.credstack.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** Random passwords and client secrets: 32 bytes of {@link SecureRandom}, base64url without padding (43 characters). */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A new random secret of 256 bits. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
