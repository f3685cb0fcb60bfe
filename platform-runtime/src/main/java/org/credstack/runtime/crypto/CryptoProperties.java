package org.credstack.runtime.crypto;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code credstack.crypto.*}: the key-encryption keys that seal secrets at rest (see {@link SecretCipher}).
 *
 * @param kek base64 of 32 random bytes (e.g. {@code openssl rand -base64 32}), the current key-encryption key;
 *     environment variable {@code CREDSTACK_CRYPTO_KEK}. {@code ./credstack run} makes one per data directory and
 *     tests get one per JVM; a service that seals secrets does not start without it
 * @param previousKeks earlier current KEKs, same form, kept only to open values sealed under them until those are
 *     resealed; environment variable {@code CREDSTACK_CRYPTO_PREVIOUS_KEKS}, comma-separated
 */
@ConfigurationProperties("credstack.crypto")
public record CryptoProperties(String kek, List<String> previousKeks) {

    /** The property of the current KEK. */
    public static final String KEK = "credstack.crypto.kek";

    /** The environment variable Spring binds to {@link #KEK}. */
    public static final String KEK_ENV = "CREDSTACK_CRYPTO_KEK";

    public CryptoProperties {
        previousKeks = previousKeks == null ? List.of() : List.copyOf(previousKeks);
    }
}
