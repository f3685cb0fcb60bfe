package org.credstack.badge.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Base58BtcTest {

    @Test
    void encodesTheMultibaseSpecExample() {
        // draft-multiformats-multibase, test vectors: "Multibase is awesome! \o/"
        byte[] text = "Multibase is awesome! \\o/".getBytes(StandardCharsets.UTF_8);

        assertThat(Base58Btc.encode(text)).isEqualTo("zYAjKoNbau5KiqmHPmSxYCvn66dA1vLmwbt");
    }

    @Test
    void keepsLeadingZeroBytesAsOnes() {
        byte[] bytes = {0, 0, 1, 2, 3};

        String encoded = Base58Btc.encode(bytes);

        assertThat(encoded).startsWith("z11");
        assertThat(Base58Btc.decode(encoded)).containsExactly(bytes);
    }

    @Test
    void decodesWhatItEncodes() {
        byte[] bytes = new byte[64];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
        }

        assertThat(Base58Btc.decode(Base58Btc.encode(bytes))).containsExactly(bytes);
    }

    @Test
    void rejectsValueWithoutBase58btcPrefix() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base58Btc.decode("u5x9aCB"))
                .withMessageContaining("no 'z' prefix");
    }

    @Test
    void rejectsCharacterOutsideTheAlphabet() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base58Btc.decode("z5x0aCB"))
                .withMessageContaining("'0' at 3");
    }
}
