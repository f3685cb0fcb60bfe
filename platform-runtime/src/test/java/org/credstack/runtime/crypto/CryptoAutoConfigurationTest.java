package org.credstack.runtime.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class CryptoAutoConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CryptoAutoConfiguration.class));

    @Test
    void aServiceThatSealsSecretsDoesNotStartWithoutAKekAndSaysWhatToSet() {
        runner.withUserConfiguration(SealsSecrets.class).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(MissingKeyEncryptionKeyException.class);
            FailureAnalysis analysis = new MissingKeyEncryptionKeyFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains("credstack.crypto.kek");
            assertThat(analysis.getAction()).contains("CREDSTACK_CRYPTO_KEK").contains("32 random bytes");
        });
    }

    @Test
    void aServiceThatSealsNothingStartsWithoutAKek() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void sealsUnderTheConfiguredKekAndOpensUnderThePreviousOnesAfterKekRotation() {
        String oldKek = randomKek();
        String newKek = randomKek();
        byte[] secret = "webhook secret".getBytes(StandardCharsets.UTF_8);
        SealedValue[] sealedBefore = new SealedValue[1];

        runner.withPropertyValues("credstack.crypto.kek=" + oldKek)
                .run(context ->
                        sealedBefore[0] = context.getBean(SecretCipher.class).encrypt(secret, "hooks/h-1"));
        runner.withPropertyValues("credstack.crypto.kek=" + newKek, "credstack.crypto.previous-keks=" + oldKek)
                .run(context -> {
                    SecretCipher cipher = context.getBean(SecretCipher.class);
                    assertThat(cipher.decrypt(sealedBefore[0], "hooks/h-1")).isEqualTo(secret);
                    assertThat(cipher.currentKekId()).isNotEqualTo(sealedBefore[0].kekId());
                    assertThat(cipher.encrypt(secret, "hooks/h-1").kekId()).isEqualTo(cipher.currentKekId());
                });
    }

    private static String randomKek() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Configuration(proxyBeanMethods = false)
    static class SealsSecrets {
        @Bean
        String storeOfSecrets(SecretCipher cipher) {
            return cipher.currentKekId();
        }
    }
}
