package org.credstack.web.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.credstack.web.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

class SentCredentialTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

    private static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, "application/octet-stream", bytes);
    }

    private static MockMultipartFile file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** What a browser sends for a file input left empty: a part without a name or bytes. */
    private static MockMultipartFile noFileChosen() {
        return file("", new byte[0]);
    }

    @Test
    void tellsTheFormOfAnUploadApartByContentNotByItsName() {
        assertThat(SentCredential.of("", file("badge.json", PNG)).form()).isEqualTo(SentCredential.Form.PNG);
        assertThat(SentCredential.of("", file("x.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))
                        .form())
                .isEqualTo(SentCredential.Form.SVG);
        assertThat(SentCredential.of("", file("x.jwt", "{\"id\": \"urn:x\"}")).form())
                .isEqualTo(SentCredential.Form.JSON);
        assertThat(SentCredential.of("", file("x.json", "eyJh.eyJi.c2ln")).form())
                .isEqualTo(SentCredential.Form.VC_JWT);
    }

    @Test
    void sendsAPngAsUploadedAndTextWithoutItsByteOrderMarkAndSurroundingWhiteSpace() {
        SentCredential png = SentCredential.of("", file("badge.png", PNG));
        SentCredential json = SentCredential.of("", file("c.json", "\uFEFF\n {\"id\": 1}\n"));
        SentCredential pasted = SentCredential.of("  eyJh.eyJi.c2ln\r\n", noFileChosen());

        assertThat(png.body()).isEqualTo(PNG);
        assertThat(png.field()).isEqualTo("file");
        assertThat(json.text()).isEqualTo("{\"id\": 1}");
        assertThat(pasted.text()).isEqualTo("eyJh.eyJi.c2ln");
        assertThat(pasted.field()).isEqualTo("credential");
        assertThat(pasted.form()).isEqualTo(SentCredential.Form.VC_JWT);
        assertThat(pasted.form().mediaType()).isEqualTo("application/vc+jwt");
    }

    @Test
    void refusesNothingGivenAndBothGivenNamingTheTextArea() {
        assertThatThrownBy(() -> SentCredential.of(" \n", noFileChosen()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("credential is empty")
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("credential");
        assertThatThrownBy(() -> SentCredential.of("{}", file("badge.png", PNG)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("not both");
    }

    @Test
    void refusesAnEmptyFileAndOneThatIsNeitherAPngNorTextNamingTheFile() {
        assertThatThrownBy(() -> SentCredential.of("", file("badge.png", new byte[0])))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("file is empty");
        assertThatThrownBy(() -> SentCredential.of("", file("photo.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, 0})))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("file is neither a badge image (PNG or SVG) nor a credential as text (JSON or VC-JWT)");
    }

    @Test
    void refusesMoreThanBadgeServicesOneMegabyte() {
        String pasted = "a".repeat(SentCredential.MAX_BYTES + 1);

        assertThatThrownBy(() -> SentCredential.of(pasted, null))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("credential is 1048577 bytes; at most 1 MB (1048576 bytes) can be checked");
        assertThat(SentCredential.of("a".repeat(SentCredential.MAX_BYTES), null).body())
                .hasSize(SentCredential.MAX_BYTES);
    }
}
