package org.credstack.runtime.crypto;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * The one {@link SecretCipher} of a service, with {@link LocalKeyEncryptionKey}s from {@code credstack.crypto.kek}
 * (current) and {@code credstack.crypto.previous-keks}. A deployment with a KMS declares its own {@code
 * SecretCipher} bean around a KMS {@link KeyEncryptionKey} (and, during the move, the local KEK as a previous one).
 *
 * <p>The bean is lazy: a service that seals nothing starts without a KEK, and one that does fails at start with
 * {@link MissingKeyEncryptionKeyException}.
 */
@AutoConfiguration
@EnableConfigurationProperties(CryptoProperties.class)
public class CryptoAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    SecretCipher secretCipher(CryptoProperties properties) {
        return cipher(properties);
    }

    /**
     * The cipher the properties describe.
     *
     * @throws MissingKeyEncryptionKeyException if {@code kek} is blank
     * @throws IllegalArgumentException if a key is not base64 of 32 bytes
     */
    static SecretCipher cipher(CryptoProperties properties) {
        if (properties.kek() == null || properties.kek().isBlank()) {
            throw new MissingKeyEncryptionKeyException();
        }
        List<KeyEncryptionKey> previous = new ArrayList<>();
        for (int i = 0; i < properties.previousKeks().size(); i++) {
            previous.add(LocalKeyEncryptionKey.fromBase64(
                    properties.previousKeks().get(i), "credstack.crypto.previous-keks[" + i + "]"));
        }
        return new SecretCipher(LocalKeyEncryptionKey.fromBase64(properties.kek(), CryptoProperties.KEK), previous);
    }
}
