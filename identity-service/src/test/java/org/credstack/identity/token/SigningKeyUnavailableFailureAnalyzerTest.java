package org.credstack.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.credstack.runtime.crypto.SealedValueException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class SigningKeyUnavailableFailureAnalyzerTest {

    @Test
    void namesTheKeyTheKekItWasSealedUnderAndTheSettingsToFix() {
        SigningKeyUnavailableException cause = new SigningKeyUnavailableException(
                3, "local-0123456789abcdef", new SealedValueException("the value was sealed under ... not configured"));

        FailureAnalysis analysis = new SigningKeyUnavailableFailureAnalyzer()
                .analyze(new BeanCreationException("signingKeys", "failed", cause));

        assertThat(analysis.getDescription())
                .contains("generation 3")
                .contains("local-0123456789abcdef")
                .contains("not configured");
        assertThat(analysis.getAction())
                .contains("credstack.crypto.kek")
                .contains("CREDSTACK_CRYPTO_KEK")
                .contains("credstack.crypto.previous-keks");
        assertThat(cause.getMessage()).contains("No new key is made");
    }
}
