package org.credstack.runtime.crypto;

/**
 * A secret cannot be sealed or opened: the sealed value was altered, is opened under another context than it was
 * sealed with, names a key-encryption key that is not configured, or is not a sealed value at all. The message
 * says which, and never contains key material or plaintext.
 */
public class SealedValueException extends RuntimeException {

    /** @param message what failed */
    public SealedValueException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause the JCA or KMS error behind it
     */
    public SealedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
