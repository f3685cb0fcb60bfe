package org.credstack.badge.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {

    @Test
    void encodesIndexZeroAsTheLeftMostBitOfGzippedBase64urlWithMultibasePrefix() throws IOException {
        String encoded = BitstringStatusList.withSet(List.of(0, 15, 131_071)).encode();

        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        byte[] bits = gunzip(Base64.getUrlDecoder().decode(encoded.substring(1)));
        assertThat(bits).hasSize(16_384);
        assertThat(bits[0]).isEqualTo((byte) 0b1000_0000);
        assertThat(bits[1]).isEqualTo((byte) 0b0000_0001);
        assertThat(bits[16_383]).isEqualTo((byte) 0b0000_0001);
        assertThat(bits[2]).isZero();
    }

    @Test
    void decodesAnEncodedListMadeByTheSpecificationsAlgorithm() throws IOException {
        byte[] bits = new byte[16_384];
        bits[0] = (byte) 0b1000_0000; // index 0
        bits[2] = (byte) 0b0010_0000; // index 18
        String encodedList = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(bits));

        BitstringStatusList list = BitstringStatusList.decode(encodedList);

        assertThat(list.length()).isEqualTo(131_072);
        assertThat(list.isSet(0)).isTrue();
        assertThat(list.isSet(18)).isTrue();
        assertThat(list.isSet(1)).isFalse();
        assertThat(list.isSet(7)).isFalse();
        assertThat(list.isSet(17)).isFalse();
        assertThat(list.isSet(131_071)).isFalse();
    }

    @Test
    void readsBackWhatItWrote() {
        BitstringStatusList list = BitstringStatusList.decode(
                BitstringStatusList.withSet(List.of(3, 94_567)).encode());

        assertThat(list.isSet(3)).isTrue();
        assertThat(list.isSet(94_567)).isTrue();
        assertThat(list.isSet(94_566)).isFalse();
    }

    @Test
    void refusesListsWithoutThePrefixOrShorterThanTheMinimum() throws IOException {
        String base64url = Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(new byte[16_384]));
        assertThatThrownBy(() -> BitstringStatusList.decode("z" + base64url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'u'");
        String short16k = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(new byte[1_024]));
        assertThatThrownBy(() -> BitstringStatusList.decode(short16k))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 131072");
        assertThatThrownBy(() -> BitstringStatusList.empty().set(131_072)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staysSmallWhenFewEntriesAreSet() {
        assertThat(BitstringStatusList.withSet(List.of(1, 2, 3)).encode()).hasSizeLessThan(300);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return gzip.readAllBytes();
        }
    }
}
