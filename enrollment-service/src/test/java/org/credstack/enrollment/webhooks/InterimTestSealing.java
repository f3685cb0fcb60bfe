package org.credstack.enrollment.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** INTERIM, to be deleted when SecretCipher lands on main: AES-GCM with a random per-JVM key, tests only. */
@Component
class InterimTestSealing implements SecretSealing {

    private final byte[] key = new byte[32];
    private final SecureRandom random = new SecureRandom();

    InterimTestSealing() {
        random.nextBytes(key);
    }

    @Override
    public String seal(byte[] secret, String context) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return "test." + Base64.getEncoder().encodeToString(nonce) + "."
                    + Base64.getEncoder().encodeToString(c.doFinal(secret));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] open(String sealed, String context) {
        try {
            String[] parts = sealed.split("\\.");
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, Base64.getDecoder().decode(parts[1])));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(Base64.getDecoder().decode(parts[2]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
