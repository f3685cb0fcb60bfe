package org.credstack.enrollment.webhooks;

import org.credstack.runtime.crypto.SealedValue;
import org.credstack.runtime.crypto.SecretCipher;
import org.springframework.stereotype.Component;

/**
 * {@link SecretSealing} by the platform's envelope encryption ({@link SecretCipher}): a fresh AES-256-GCM data key per
 * secret, wrapped by the key-encryption key of {@code credstack.crypto.kek}, with the context as associated data.
 * Stored as {@link SealedValue#encoded()} ({@code v1.<kekId>.<wrappedKey>.<nonce>.<ciphertext>}). The service needs a
 * KEK to start, since it seals webhook secrets.
 */
@Component
class CipherSealing implements SecretSealing {

    private final SecretCipher cipher;

    CipherSealing(SecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String seal(byte[] secret, String context) {
        return cipher.encrypt(secret, context).encoded();
    }

    @Override
    public byte[] open(String sealed, String context) {
        return cipher.decrypt(SealedValue.parse(sealed), context);
    }
}
