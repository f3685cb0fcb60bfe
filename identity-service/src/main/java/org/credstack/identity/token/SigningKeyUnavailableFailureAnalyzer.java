package org.credstack.identity.token;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints {@link SigningKeyUnavailableException} as Spring Boot's "APPLICATION FAILED TO START" report, naming the
 * key-encryption key settings. Registered in {@code META-INF/spring.factories}.
 */
public class SigningKeyUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SigningKeyUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SigningKeyUnavailableException cause) {
        return new FailureAnalysis(
                "The token signing key of generation " + cause.generation() + " in the signingKeys collection does"
                        + " not open with the configured key-encryption keys (it names " + cause.kekId() + "): "
                        + cause.getCause().getMessage(),
                "Set credstack.crypto.kek (CREDSTACK_CRYPTO_KEK) to the key-encryption key the signing keys were"
                        + " sealed under, or, after a KEK rotation, keep the old one in credstack.crypto.previous-keks"
                        + " (CREDSTACK_CRYPTO_PREVIOUS_KEKS) until every instance has started once with the new one."
                        + " ./credstack run keeps its KEK in <dataDir>/crypto.kek. Only if that KEK is lost for good:"
                        + " delete the signingKeys collection and start again; a new key is made and every token"
                        + " signed before stops validating (people and partners sign in again).",
                cause);
    }
}
