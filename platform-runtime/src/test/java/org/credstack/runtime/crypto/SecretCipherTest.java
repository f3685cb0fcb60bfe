package org.credstack.runtime.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final byte[] SECRET = "an Ed25519 seed, 32 bytes long!!".getBytes(StandardCharsets.US_ASCII);
    private static final String CONTEXT = "badge/issuer-key/p-1#z6MkFirst";

    private final LocalKeyEncryptionKey kek = newKek();
    private final SecretCipher cipher = new SecretCipher(kek, List.of());

    @Test
    void sealsAndOpensASecretForItsContextWithoutTheSecretInTheSealedValue() {
        SealedValue sealed = cipher.encrypt(SECRET, CONTEXT);
        String stored = sealed.encoded();

        assertThat(cipher.decrypt(SealedValue.parse(stored), CONTEXT)).isEqualTo(SECRET);
        assertThat(stored).startsWith("v1." + kek.id() + ".").doesNotContain(new String(SECRET));
        assertThat(SealedValue.parse(stored)).isEqualTo(sealed);
        assertThat(sealed.ciphertext()).hasSize(SECRET.length + 16).isNotEqualTo(SECRET);
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(cipher.encrypt(SECRET, CONTEXT).encoded())
                .as("a fresh data key and nonce each time")
                .isNotEqualTo(stored);
    }

    @Test
    void refusesAValueWhoseCiphertextWasAltered() {
        SealedValue sealed = cipher.encrypt(SECRET, CONTEXT);
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[3] ^= 0x01;
        SealedValue tampered = new SealedValue(sealed.kekId(), sealed.wrappedKey(), sealed.nonce(), ciphertext);

        assertThatThrownBy(() -> cipher.decrypt(tampered, CONTEXT))
                .isInstanceOf(SealedValueException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void refusesAValueWhoseWrappedDataKeyWasAltered() {
        SealedValue sealed = cipher.encrypt(SECRET, CONTEXT);
        byte[] wrapped = sealed.wrappedKey();
        wrapped[wrapped.length - 1] ^= 0x01;
        SealedValue tampered = new SealedValue(sealed.kekId(), wrapped, sealed.nonce(), sealed.ciphertext());

        assertThatThrownBy(() -> cipher.decrypt(tampered, CONTEXT))
                .isInstanceOf(SealedValueException.class)
                .hasMessageContaining("data key does not open with " + kek.id());
    }

    @Test
    void refusesAValueMovedToAnotherContext() {
        SealedValue sealed = cipher.encrypt(SECRET, CONTEXT);

        assertThatThrownBy(() -> cipher.decrypt(sealed, "badge/issuer-key/p-2#z6MkFirst"))
                .isInstanceOf(SealedValueException.class)
                .hasMessageContaining("sealed for another context");
    }

    @Test
    void opensValuesSealedUnderAnOlderKekAfterKekRotationAndResealsThemUnderTheNewOne() {
        SealedValue beforeRotation = cipher.encrypt(SECRET, CONTEXT);
        LocalKeyEncryptionKey next = newKek();
        SecretCipher rotated = new SecretCipher(next, List.of(kek));

        assertThat(rotated.decrypt(beforeRotation, CONTEXT)).isEqualTo(SECRET);
        assertThat(rotated.isCurrent(beforeRotation)).isFalse();
        SealedValue resealed = rotated.reseal(beforeRotation, CONTEXT);
        assertThat(resealed.kekId()).isEqualTo(next.id()).isNotEqualTo(kek.id());
        assertThat(rotated.isCurrent(resealed)).isTrue();
        assertThat(new SecretCipher(next, List.of()).decrypt(resealed, CONTEXT)).isEqualTo(SECRET);
        assertThat(rotated.encrypt(SECRET, CONTEXT).kekId()).isEqualTo(next.id());
    }

    @Test
    void refusesAValueWhoseKekIsNoLongerConfiguredNamingIt() {
        SealedValue sealed = cipher.encrypt(SECRET, CONTEXT);
        SecretCipher withoutOldKek = new SecretCipher(newKek(), List.of());

        assertThatThrownBy(() -> withoutOldKek.decrypt(sealed, CONTEXT))
                .isInstanceOf(SealedValueException.class)
                .hasMessageContaining(kek.id())
                .hasMessageContaining("not configured");
    }

    @Test
    void theKekIdDependsOnTheKeyOnlyAndTellsNothingOfIt() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);

        assertThat(new LocalKeyEncryptionKey(key).id())
                .isEqualTo(new LocalKeyEncryptionKey(key).id())
                .matches("local-[0-9a-f]{16}");
        assertThat(newKek().id()).isNotEqualTo(newKek().id());
    }

    @Test
    void readsAKekFromBase64OfExactly32BytesWithoutEchoingTheValue() {
        assertThatThrownBy(() -> LocalKeyEncryptionKey.fromBase64("c2hvcnQ=", "credstack.crypto.kek"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("credstack.crypto.kek must be base64 of 32 random bytes, it holds 5")
                .hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> LocalKeyEncryptionKey.fromBase64("not base64!", "credstack.crypto.kek"))
                .hasMessage("credstack.crypto.kek is not base64");
    }

    @Test
    void aKekIdMayHoldDotsAsKmsKeyNamesDo() {
        SealedValue sealed = new SealedValue(
                "projects/p/locations/eu/keyRings/r/cryptoKeys/k.v2", new byte[] {1, 2}, new byte[12], new byte[17]);

        assertThat(SealedValue.parse(sealed.encoded())).isEqualTo(sealed);
        assertThatThrownBy(() -> SealedValue.parse("plain-seed")).isInstanceOf(SealedValueException.class);
        assertThatThrownBy(() -> SealedValue.parse("v1.only.two")).isInstanceOf(SealedValueException.class);
    }

    @Test
    void refusesABlankContext() {
        assertThatThrownBy(() -> cipher.encrypt(SECRET, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    private static LocalKeyEncryptionKey newKek() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new LocalKeyEncryptionKey(key);
    }
}
