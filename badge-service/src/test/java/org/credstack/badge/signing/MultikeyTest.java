package org.credstack.badge.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

class MultikeyTest {

    @Test
    void derivesTheVectorPublicKeyFromItsSeed() {
        KeyPair keys = Ed25519Keys.fromSeed(TestVector.SEED);

        assertThat(Ed25519Keys.rawPublicKey(keys.getPublic())).containsExactly(TestVector.PUBLIC_KEY);
    }

    @Test
    void encodesTheVectorPublicKeyAsItsMultikey() {
        assertThat(Multikey.encode(Ed25519Keys.publicKey(TestVector.PUBLIC_KEY)))
                .isEqualTo(TestVector.MULTIKEY);
    }

    @Test
    void decodesTheVectorMultikeyToItsPublicKey() {
        assertThat(Ed25519Keys.rawPublicKey(Multikey.decode(TestVector.MULTIKEY)))
                .containsExactly(TestVector.PUBLIC_KEY);
    }

    @Test
    void encodesEveryEd25519KeyWithTheZ6MkPrefix() {
        String multikey = Multikey.encode(Ed25519Keys.generate().getPublic());

        assertThat(multikey).startsWith("z6Mk").hasSize(TestVector.MULTIKEY.length());
    }

    @Test
    void rejectsMultikeyOfAnotherKeyType() {
        // a P-256 Multikey (0x8024 header) from the Controlled Identifiers spec examples
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Multikey.decode("zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169"))
                .withMessageContaining("not an Ed25519 Multikey");
    }

    @Test
    void refusesToEncodeAKeyOfAnotherAlgorithm() throws Exception {
        var ecKeys = KeyPairGenerator.getInstance("EC").generateKeyPair();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Multikey.encode(ecKeys.getPublic()))
                .withMessage("not an Ed25519 public key: EC");
    }

    @Test
    void rejectsSeedOfWrongLength() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Ed25519Keys.fromSeed(new byte[31]))
                .withMessage("Ed25519 private key seed must be 32 bytes, was 31");
    }
}
