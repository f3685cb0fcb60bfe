package org.credstack.runtime.crypto;

/**
 * A service that seals secrets was started without a key-encryption key ({@code credstack.crypto.kek}). There is
 * no default on purpose: a key made up at start would seal secrets that no later start could open.
 */
public class MissingKeyEncryptionKeyException extends IllegalStateException {

    MissingKeyEncryptionKeyException() {
        super(CryptoProperties.KEK + " is not set: this service keeps secrets encrypted at rest and needs a"
                + " key-encryption key. Set " + CryptoProperties.KEK_ENV + " to base64 of 32 random bytes (e.g."
                + " `openssl rand -base64 32`), the same on every start and instance; ./credstack run makes one per"
                + " data directory.");
    }
}
