package org.credstack.runtime.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints {@link MissingKeyEncryptionKeyException} as Spring Boot's "APPLICATION FAILED TO START" report. */
public class MissingKeyEncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingKeyEncryptionKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingKeyEncryptionKeyException cause) {
        return new FailureAnalysis(
                "No key-encryption key is configured (" + CryptoProperties.KEK + ").",
                "Set " + CryptoProperties.KEK_ENV + " to base64 of 32 random bytes (e.g. `openssl rand -base64 32`),"
                        + " the same on every start and instance of the service, or start the platform with"
                        + " ./credstack run, which makes one per data directory.",
                cause);
    }
}
